package bulletin

import (
	"regexp"
	"strings"
)

// fangSongFaces are the 仿宋 faces the bulletin asks for, in the order its
// style sheet and DOCX name them, as PDF base font names spell them.
var fangSongFaces = []string{"FangSong", "FangSong_GB2312", "STFangsong", "STFangSong", "SimFang", "cwTeXFangSong", "ZhuqueFangsong"}

var baseFont = regexp.MustCompile(`/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/\[\]<>()]+)`)

// PDFFaces lists the font faces a PDF embeds, without their subset
// prefixes, each once, in the order they first appear.
func PDFFaces(pdf []byte) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range baseFont.FindAllSubmatch(pdf, -1) {
		if f := string(m[1]); !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// FontReport says in one line which faces a printed bulletin used and
// whether the body is in a 仿宋 face.
func FontReport(faces []string) string {
	for _, f := range faces {
		for _, fs := range fangSongFaces {
			if strings.EqualFold(strings.ReplaceAll(f, "#20", ""), fs) {
				return "正文字体：" + f + "（仿宋）；所用字体：" + strings.Join(faces, "、")
			}
		}
	}
	return "未安装仿宋字体（FangSong、仿宋_GB2312、STFangsong），正文以替代字体排版；所用字体：" + strings.Join(faces, "、")
}

// FontHeader is the X-Duban-Fonts header of a PDF download: the faces it
// embeds and whether one is a 仿宋 face (fangsong=yes|no).
func FontHeader(pdf []byte) string {
	faces := PDFFaces(pdf)
	fs := "no"
	if strings.HasPrefix(FontReport(faces), "正文字体：") {
		fs = "yes"
	}
	return strings.Join(faces, ", ") + "; fangsong=" + fs
}
