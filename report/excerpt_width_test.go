package report

import (
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestWidthShortcut checks width's shortcuts against go-runewidth, in both East Asian settings.
func TestWidthShortcut(t *testing.T) {
	saved := widthCond
	defer func() { widthCond = saved }()
	for _, ea := range []bool{false, true} {
		widthCond = &runewidth.Condition{EastAsianWidth: ea, StrictEmojiNeutral: true}
		for _, s := range []string{
			"", "plain ASCII", "tab\there", "cr\r\nlf", "“Quoted,” she said — twice… ‘really’ – 5′11″ • €5",
			"café naïve Ångström", "e\u0301 combining", "日本語 text", "emoji 🎉 and flag 🇺🇸", "zwj 👩‍💻",
			"\x7f\x01 controls", "\u00a0nbsp\u00ad", string([]byte{0xff, 'a'}),
		} {
			if got, want := width(s), widthCond.StringWidth(s); got != want {
				t.Errorf("EastAsian=%v: width(%q) = %d, go-runewidth says %d", ea, s, got, want)
			}
			for _, r := range s {
				if got, want := runeWidth(r), widthCond.RuneWidth(r); got != want {
					t.Errorf("EastAsian=%v: runeWidth(%q) = %d, go-runewidth says %d", ea, r, got, want)
				}
			}
		}
	}
}
