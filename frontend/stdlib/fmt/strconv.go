// Model of package fmt for minigc: stand-ins for the strconv functions the
// real formatter calls (quoting and float formatting), much shorter than
// strconv and approximate in output. Like strconv's, they only read their
// string arguments and append to dst, which they return. See print.go.

package fmt

import "unicode/utf8"

func isPrint(r rune) bool {
	return r >= 0x20 && r != 0x7f && r != utf8.RuneError
}

func canBackquote(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '`' || s[i] == '\n' || (s[i] < ' ' && s[i] != '\t') {
			return false
		}
	}
	return utf8.ValidString(s)
}

const lowerhex = "0123456789abcdef"

func appendEscapedRune(dst []byte, r rune, quote byte, ASCIIonly bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(dst, '\\', byte(r))
	}
	if r < utf8.RuneSelf && isPrint(r) || !ASCIIonly && r >= utf8.RuneSelf && isPrint(r) {
		return utf8.AppendRune(dst, r)
	}
	switch r {
	case '\n':
		return append(dst, '\\', 'n')
	case '\t':
		return append(dst, '\\', 't')
	case '\r':
		return append(dst, '\\', 'r')
	}
	if r < 0x10000 {
		dst = append(dst, '\\', 'u')
		for s := 12; s >= 0; s -= 4 {
			dst = append(dst, lowerhex[r>>uint(s)&0xF])
		}
		return dst
	}
	dst = append(dst, '\\', 'U')
	for s := 28; s >= 0; s -= 4 {
		dst = append(dst, lowerhex[r>>uint(s)&0xF])
	}
	return dst
}

func appendQuotedWith(dst []byte, s string, quote byte, ASCIIonly bool) []byte {
	dst = append(dst, quote)
	for _, r := range s {
		dst = appendEscapedRune(dst, r, quote, ASCIIonly)
	}
	return append(dst, quote)
}

func appendQuote(dst []byte, s string) []byte {
	return appendQuotedWith(dst, s, '"', false)
}

func appendQuoteToASCII(dst []byte, s string) []byte {
	return appendQuotedWith(dst, s, '"', true)
}

func appendQuoteRune(dst []byte, r rune) []byte {
	dst = append(dst, '\'')
	dst = appendEscapedRune(dst, r, '\'', false)
	return append(dst, '\'')
}

func appendQuoteRuneToASCII(dst []byte, r rune) []byte {
	dst = append(dst, '\'')
	dst = appendEscapedRune(dst, r, '\'', true)
	return append(dst, '\'')
}

// appendFloat writes v in decimal with prec digits after the point (6 when
// prec is -1) whatever the verb; strconv's shortest and exponent forms are
// not modelled.
func appendFloat(dst []byte, v float64, verb byte, prec, bitSize int) []byte {
	if v != v {
		return append(dst, "NaN"...)
	}
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	} else {
		dst = append(dst, '+')
	}
	if v > 1e18 {
		return append(dst, "Inf"...)
	}
	if prec < 0 {
		prec = 6
	}
	ip := uint64(v)
	frac := v - float64(ip)
	var digits [20]byte
	i := len(digits)
	for {
		i--
		digits[i] = byte('0' + ip%10)
		ip /= 10
		if ip == 0 {
			break
		}
	}
	dst = append(dst, digits[i:]...)
	if prec > 0 {
		dst = append(dst, '.')
		for ; prec > 0; prec-- {
			frac *= 10
			d := int(frac)
			dst = append(dst, byte('0'+d))
			frac -= float64(d)
		}
	}
	return dst
}
