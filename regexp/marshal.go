package regexp

// AppendText implements [encoding.TextAppender]: it appends the pattern, as
// [Regexp.String] returns it, to b.
//
// The text records only the pattern, not how it was compiled: a [Regexp]
// from [CompilePOSIX], or one on which [Regexp.Longest] was called,
// unmarshals as if compiled by [Compile].
func (re *Regexp) AppendText(b []byte) ([]byte, error) {
	return append(b, re.expr...), nil
}

// MarshalText implements [encoding.TextMarshaler]: the text is the pattern,
// as [Regexp.AppendText] describes.
func (re *Regexp) MarshalText() ([]byte, error) {
	return re.AppendText(nil)
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it compiles text
// with [Compile] and, if that succeeds, sets re to the result.
func (re *Regexp) UnmarshalText(text []byte) error {
	compiled, err := Compile(string(text))
	if err != nil {
		return err
	}
	*re = *compiled
	return nil
}
