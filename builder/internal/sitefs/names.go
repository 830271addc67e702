package sitefs

import (
	"fmt"
	"unicode/utf8"
)

// badName says, in an editor's words, why a file or folder name may not be
// read, or returns "" for a good name. A name is refused when it is not
// UTF-8 text (a ZIP made on an older Windows unpacks "kép.jpg" as
// "k\xe9p.jpg"), holds a control character (a newline, a tab, an escape
// that recolours the terminal printing the name) or a bidirectional
// control that makes it read differently from what it is
// ("report\u202Efdp.exe" shows as "reportexe.pdf"). Such names reached the
// register's CSV and the published file names as they were; a slug hid
// them only in page addresses.
func badName(name string) string {
	// Nearly every name is printable ASCII: one pass, no allocation.
	i := 0
	for i < len(name) && name[i] >= 0x20 && name[i] < 0x7f {
		i++
	}
	const fix = "; rename it with letters, digits and hyphens"
	for i < len(name) {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("the name holds a byte (0x%02X) that is not UTF-8 text, as names in a ZIP unpacked from an older Windows do%s", name[i], fix)
		case r < 0x20 || 0x7f <= r && r < 0xa0:
			return fmt.Sprintf("the name holds an invisible control character (U+%04X)%s", r, fix)
		case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
			return fmt.Sprintf("the name holds an invisible direction mark (U+%04X) that makes it read differently from what it is%s", r, fix)
		}
		i += size
	}
	return ""
}
