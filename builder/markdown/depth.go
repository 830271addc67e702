package markdown

import "bytes"

// MaxNesting is how many lists deep a body may nest, and MaxQuotes how many
// block quotes. Goldmark's parser walks every open block for every line:
// lists 1,000 deep took 4.4 s to parse and 3,000 deep (a 9 MB file) over two
// minutes; 5,000 quote marks on each of 200 lines 3 s. Real documents nest
// three or four; a reply chain pasted from e-mail may quote a few hundred
// times (500 quotes on 200 lines parse in 0.08 s).
const (
	MaxNesting = 100
	MaxQuotes  = 500
)

// tooDeep returns the offset of the first line of src that opens lists
// more than MaxNesting or quotes more than MaxQuotes deep, and that depth,
// or -1. A line's depth is estimated from its start: every '>' opens a
// quote, and every two columns of indentation before a list marker one
// more list level. Only the start of each line is read, so the scan costs
// next to nothing beside parsing.
func tooDeep(src []byte) (int, int) {
	for start := 0; start < len(src); {
		cols, quotes, i := 0, 0, start
	prefix:
		for ; i < len(src); i++ {
			switch src[i] {
			case ' ':
				cols++
			case '\t':
				cols += 4 - cols%4
			case '>':
				quotes++
			default:
				break prefix
			}
		}
		if quotes > MaxQuotes {
			return start, quotes
		}
		if cols/2 > MaxNesting && listMarker(src[i:]) {
			return start, cols / 2
		}
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		start = i + nl + 1
	}
	return -1, 0
}

// listMarker reports whether b starts with a list item's marker: "-", "+",
// "*" or a number with "." or ")", then a space or the line's end.
func listMarker(b []byte) bool {
	i := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '+' || b[0] == '*'):
		i = 1
	default:
		for i < len(b) && i < 9 && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(b) || b[i] != '.' && b[i] != ')' {
			return false
		}
		i++
	}
	return i == len(b) || b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'
}
