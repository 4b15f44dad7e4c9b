package bulletin

// content writes the bulletin's paragraphs and tables in document order.
func (w *docxWriter) content(d *Data) {
	w.centre(redTitle, d.Issuer)
	w.centre(redTitle, "督 查 通 报")
	w.centre("", "")
	w.para(`<w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="6" w:color="D40000"/></w:pBdr>`, "", d.Number)
	w.centre("", "")
	w.centre(title, d.Title())
	w.centre("", "")
	w.para("", "", "各责任单位：")
	w.body(d.Opening())
	w.h2("一、总体情况")
	w.body(d.Overview())
	if how := d.HowLine(); how != "" {
		w.para(smallLine, `<w:sz w:val="21"/>`, how)
	}
	w.h2("二、分领域推进情况")
	for _, l := range d.AreaLines() {
		w.body(l)
	}
	w.docxTable(areaTable(d))
	w.h2("三、存在的问题")
	for i, l := range []struct {
		name, empty string
		items       []Item
	}{{"滞后事项", "本期无滞后事项。", d.Red}, {"逾期未完成事项", "本期无逾期未完成事项。", d.Overdue},
		{"未按时报送事项", "本期各单位均按时报送。", d.Unreported}} {
		w.h3([]string{"（一）", "（二）", "（三）"}[i] + l.name)
		if len(l.items) == 0 {
			w.body(l.empty)
			continue
		}
		w.docxTable(itemTable(l.name, l.items))
	}
	w.outlook(d)
	w.h2("四、督办落实情况")
	w.body(d.NoticeLine())
	if len(d.Notices.Late) > 0 {
		w.docxTable(noticeTable(d))
	}
	w.h2("五、争先排名")
	w.body(d.RankingIntro())
	rt := rankingTable(d)
	rt.Head, rt.Rows = rt.Head[:10], trim(rt.Rows, 10)
	w.docxTable(rt)
	w.para(smallLine, `<w:sz w:val="21"/>`, RankingNote)
	w.h2("六、与上期相比")
	w.body(d.ChangesLine())
	if c := d.Changes; c != nil {
		if len(c.Moves) > 0 {
			w.docxTable(movesTable(c))
		}
		if len(c.Lights) > 0 {
			w.docxTable(lightsTable(c))
		}
	}
	w.h2("七、下步工作要求")
	w.body(Requirements)
	w.centre("", "")
	w.para(`<w:jc w:val="right"/>`, "", d.Issuer)
	w.para(`<w:jc w:val="right"/>`, "", ChineseDate(d.Issued))
	w.centre("", "")
	w.para(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`,
		`<w:sz w:val="28"/>`, Copies)
	w.para(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`, `<w:sz w:val="28"/>`,
		d.Issuer+"　　"+ChineseDate(d.Issued)+"印发")
}

// smallLine is the line of a 五号 note: 16 pt, not the body's 28 pt.
const smallLine = `<w:spacing w:line="320" w:lineRule="exact"/>`

func (w *docxWriter) docxTable(t table) { w.table(t.Head, t.Rows) }

func trim(rows [][]string, n int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r[:n]
	}
	return out
}
