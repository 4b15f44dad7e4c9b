package rank

// label puts units on the 红榜 and 黑榜. Units sharing a rank at the edge of
// a list are all on it, so a tie never splits.
func label(rows []Row, l Labels) {
	for i := range rows {
		r := &rows[i]
		top := l.Top > 0 && r.Rank <= l.Top && (l.MinScore == 0 || r.Score >= l.MinScore)
		bottom := (l.Bottom > 0 && rankFromBottom(rows, i) <= l.Bottom) || (l.MaxScore != 0 && r.Score < l.MaxScore)
		switch {
		case top:
			r.List = Honour
		case bottom:
			r.List = Shame
		}
	}
}

// rankFromBottom is 1 for the units sharing the last rank, and otherwise
// one more than the number of units ranked below.
func rankFromBottom(rows []Row, i int) int {
	below := 0
	for j := i + 1; j < len(rows); j++ {
		if rows[j].Rank > rows[i].Rank {
			below++
		}
	}
	return below + 1
}
