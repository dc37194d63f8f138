package document

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/net/html"
)

func TestScratchRaw(t *testing.T) {
	for _, s := range []string{"<p>unclosed <b world", "<!-- x", "<!--", "<", "</", "<a href='x", "a\x00b<p\x00>", "<script>x", "<title>x &amp", "<!doctype", "<![CDATA[x]]>y", "</ p>", "<?xml x?>z", "a<", "a</>b", "<p\r\n>x\r\ny", "<textarea>x", "<plaintext>a<b>c", "&", "<a b=c/>", "<br/><br>", "x<!--->y<!-->z<!-- a --!>w"} {
		z := html.NewTokenizer(bytes.NewReader([]byte(s)))
		n := 0
		var toks []string
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				toks = append(toks, fmt.Sprintf("ERR raw=%q", z.Raw()))
				break
			}
			n += len(z.Raw())
			toks = append(toks, fmt.Sprintf("%v:%q", tt, z.Raw()))
		}
		fmt.Println(n == len(s), s, toks)
	}
}
