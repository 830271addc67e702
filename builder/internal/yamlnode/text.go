package yamlnode

import (
	"bytes"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
)

// bom is the UTF-8 byte-order mark some Windows editors put at the start.
var bom = []byte("\xef\xbb\xbf")

// Text checks that src, the content of file, is UTF-8 text, as every file
// an editor writes must be. It returns src without a UTF-8 byte-order mark
// (which changes no line and no column after the first line) and ok; or, for
// a file saved as UTF-16 or with bytes that are not UTF-8, one error naming
// that and ok false. The check is one pass over the bytes.
func Text(src []byte, file string) (text []byte, ok bool, diags diag.List) {
	src = bytes.TrimPrefix(src, bom)
	if utf16(src) {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
		return nil, false, diags
	}
	if utf8.Valid(src) {
		return src, true, nil
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	diags.Errorf(diag.Pos{File: file, Line: line, Col: col}, "this character is not UTF-8 (the file was perhaps saved as Windows-1250 or ISO-8859-2); save the file as UTF-8")
	return nil, false, diags
}

// utf16 reports whether src starts like UTF-16 text: with its byte-order
// mark, or with ASCII characters each next to a zero byte, as "---" is
// saved in UTF-16 without a mark.
func utf16(src []byte) bool {
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		return true
	}
	head := src[:min(len(src), 64)&^1]
	if len(head) < 4 {
		return false
	}
	evenZero, oddZero := 0, 0
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 && head[i+1] != 0 {
			evenZero++
		}
		if head[i] != 0 && head[i+1] == 0 {
			oddZero++
		}
	}
	pairs := len(head) / 2
	return evenZero*2 > pairs || oddZero*2 > pairs
}
