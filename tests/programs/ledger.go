// An accounts ledger: errors wrapped with %w, checked with errors.Is and As.
package main

import (
	"errors"
	"fmt"
	"sort"
)

var ErrInsufficient = errors.New("insufficient funds")

type AccountError struct {
	Account string
	Err     error
}

func (e *AccountError) Error() string { return e.Account + ": " + e.Err.Error() }
func (e *AccountError) Unwrap() error { return e.Err }

type Ledger struct {
	balances map[string]int64
	history  []string
}

func (l *Ledger) Deposit(acct string, amount int64) {
	l.balances[acct] += amount
	l.history = append(l.history, fmt.Sprintf("deposit %s %d", acct, amount))
}

func (l *Ledger) Withdraw(acct string, amount int64) error {
	if l.balances[acct] < amount {
		return &AccountError{Account: acct, Err: ErrInsufficient}
	}
	l.balances[acct] -= amount
	return nil
}

func (l *Ledger) Transfer(from, to string, amount int64) error {
	if err := l.Withdraw(from, amount); err != nil {
		return fmt.Errorf("transfer %s->%s: %w", from, to, err)
	}
	l.Deposit(to, amount)
	return nil
}

func (l *Ledger) Accounts() []string {
	names := make([]string, 0, len(l.balances))
	for name := range l.balances {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func main() {
	l := &Ledger{balances: map[string]int64{}}
	l.Deposit("alice", 100)
	err := l.Transfer("alice", "bob", 250)
	if errors.Is(err, ErrInsufficient) {
		fmt.Println("refused:", err)
	}
	var ae *AccountError
	if errors.As(err, &ae) {
		fmt.Println("account:", ae.Account)
	}
	for _, a := range l.Accounts() {
		fmt.Println(a, l.balances[a])
	}
}
