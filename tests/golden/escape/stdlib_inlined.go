// flags: -m -l
// -l is about this package: the library was compiled with inlining on, so
// os.WriteFile and (*os.File).Write keep the bytes they are given.
package p

import (
	"io/ioutil"
	"os"
)

func w1(name, data string) error { return ioutil.WriteFile(name, []byte(data), 0666) }
func w2(name, data string) error { return os.WriteFile(name, []byte(data), 0666) }
func w3(f *os.File, data string) { f.Write([]byte(data)) }
