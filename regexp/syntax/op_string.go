package syntax

import "strconv"

var opNames = [...]string{
	OpNoMatch:        "NoMatch",
	OpEmptyMatch:     "EmptyMatch",
	OpLiteral:        "Literal",
	OpCharClass:      "CharClass",
	OpAnyCharNotNL:   "AnyCharNotNL",
	OpAnyChar:        "AnyChar",
	OpBeginLine:      "BeginLine",
	OpEndLine:        "EndLine",
	OpBeginText:      "BeginText",
	OpEndText:        "EndText",
	OpWordBoundary:   "WordBoundary",
	OpNoWordBoundary: "NoWordBoundary",
	OpCapture:        "Capture",
	OpStar:           "Star",
	OpPlus:           "Plus",
	OpQuest:          "Quest",
	OpRepeat:         "Repeat",
	OpConcat:         "Concat",
	OpAlternate:      "Alternate",
}

// String returns the name of the op without its Op prefix, as the
// standard library's stringer output does.
func (op Op) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "Op(" + strconv.Itoa(int(op)) + ")"
}
