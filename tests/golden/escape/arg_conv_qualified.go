// flags: -m
package p

// binary.BigEndian is a name in gc's IR, with no position of its own: the
// conversions of the arguments stay at the call's paren, x's too.

import (
	"encoding/binary"
	"io"
)

func F(r io.Reader, x []int32) error {
	if err := binary.Read(r, binary.BigEndian, x); err != nil {
		return err
	}
	return nil
}

func G(r io.Reader, x []int32) error {
	err := binary.Read(r, binary.BigEndian, x)
	return err
}

func H(r io.Reader, x []int32) error {
	return binary.Read(r, binary.BigEndian, x)
}
