ledger.go:17:7: leaking param content: e
ledger.go:17:65: e.Account + ": " + e.Err.Error() escapes to heap
ledger.go:18:7: leaking param: e to result ~r0 level=1
ledger.go:25:7: leaking param content: l
ledger.go:25:26: leaking param: acct
ledger.go:27:43: ... argument does not escape
ledger.go:27:44: acct escapes to heap
ledger.go:27:44: amount escapes to heap
ledger.go:30:7: l does not escape
ledger.go:30:27: leaking param: acct
ledger.go:32:10: &AccountError{...} escapes to heap
ledger.go:38:7: leaking param content: l
ledger.go:38:27: leaking param: from
ledger.go:38:33: leaking param: to
ledger.go:40:20: ... argument does not escape
ledger.go:40:21: from escapes to heap
ledger.go:40:21: to escapes to heap
ledger.go:46:7: l does not escape
ledger.go:47:15: make([]string, 0, len(l.balances)) escapes to heap
ledger.go:62:6: moved to heap: ae
ledger.go:56:7: &Ledger{...} does not escape
ledger.go:56:41: map[string]int64{} escapes to heap
ledger.go:60:14: ... argument does not escape
ledger.go:60:15: "refused:" escapes to heap
ledger.go:64:14: ... argument does not escape
ledger.go:64:15: "account:" escapes to heap
ledger.go:64:29: ae.Account escapes to heap
ledger.go:67:14: ... argument does not escape
ledger.go:67:14: a escapes to heap
ledger.go:67:28: l.balances[a] escapes to heap
