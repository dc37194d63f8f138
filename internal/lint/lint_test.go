package lint

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"binary", []byte("PK\x03\x04\x00\x00zip"), "binary file"},
		{"latin1", []byte("line one\ncaf\xe9 au lait\n"), "not valid UTF-8 at line 2, column 4 (byte 12)"},
		{"huge", bytes.Repeat([]byte("a"), MaxInputSize+1), "over the 64 MiB limit"},
	}
	for _, c := range cases {
		err := Validate(c.name, c.data)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an InputError containing %q", c.name, err, c.want)
		}
	}
	for _, ok := range [][]byte{nil, []byte("Plain “text” — é 🎉\r\n")} {
		if err := Validate("ok", ok); err != nil {
			t.Errorf("Validate(%q) = %v", ok, err)
		}
	}
}

func TestFixReachesAFixedPoint(t *testing.T) {
	l := &Linter{Only: []string{"repeated-word"}}
	src := []byte("Head\n\nThe the the the talks were were over.\n")
	f, err := l.Fix("", "s.txt", document.Text, src, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(f.Data); got != "Head\n\nThe talks were over.\n" {
		t.Fatalf("fixed to %q", got)
	}
	if len(f.Result.Diagnostics) != 0 || f.Applied != 4 {
		t.Fatalf("applied %d, remaining %+v", f.Applied, f.Result.Diagnostics)
	}
	again, _ := l.Fix("", "s.txt", document.Text, f.Data, false)
	if again.Applied != 0 || !bytes.Equal(again.Data, f.Data) {
		t.Fatalf("second fix changed the text: %q", again.Data)
	}
}
