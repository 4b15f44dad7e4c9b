package demo

import (
	"cmp"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/duban-dev/duban"
)

// class is how well a unit does on one indicator in the simulation.
type class int

const (
	ahead     class = iota // ahead of 序时进度; early deadlines come out done
	onTrack                // within a few points of 序时进度
	behind                 // 15–30 points behind: yellow
	farBehind              // more than 30 points behind: red, or overdue
)

// Classes are dealt round-robin over the indicators ordered by deadline and
// then by a seeded draw, so that every seed shows the whole range of
// statuses, and the earliest deadlines (the January roads, then the June
// roads) come out done and overdue.
var (
	targetCycle    = []class{ahead, farBehind, onTrack, behind, onTrack, behind, farBehind, onTrack}
	milestoneCycle = []class{onTrack, ahead, behind, onTrack, onTrack, farBehind, onTrack, ahead, onTrack}
)

// The subjects dealt at positions 3, 3+silentEvery, … leave out their latest
// one or two reports, so a few indicators show reports missing.
const silentEvery = 7

// performance is what the simulation draws for one indicator.
type performance struct {
	class  class
	factor float64 // share of 序时进度 reached; for levels, the share of the target
	silent int     // most recent periods not reported yet
	rng    *rand.Rand
}

// subject is an indicator the simulation reports on, with its time window.
type subject struct {
	ind             *duban.Indicator
	unit            string
	start, deadline duban.Date
	draw            float64
	perf            performance
}

// dealPerformances draws a performance for every subject; the target and
// milestone-only indicators are dealt from separate cycles.
func dealPerformances(subjects []*subject, seed int64) {
	var targets, milestones []*subject
	for _, s := range subjects {
		s.perf.rng = indicatorRand(seed, s.ind.Code)
		s.draw = s.perf.rng.Float64()
		if s.ind.Kind == duban.MilestoneOnly {
			milestones = append(milestones, s)
		} else {
			targets = append(targets, s)
		}
	}
	deal(targets, targetCycle)
	deal(milestones, milestoneCycle)
}

func deal(subjects []*subject, cycle []class) {
	slices.SortStableFunc(subjects, func(a, b *subject) int {
		return cmp.Or(a.deadline.Compare(b.deadline), cmp.Compare(a.draw, b.draw), cmp.Compare(a.ind.Code, b.ind.Code))
	})
	for i, s := range subjects {
		p := &s.perf
		p.class = cycle[i%len(cycle)]
		p.factor = drawFactor(p.rng, p.class, s.ind.Kind == duban.Level)
		if i%silentEvery == 3 {
			p.silent = 1 + p.rng.IntN(2)
		}
	}
}

// indicatorRand is seeded by the seed and the indicator code, so an
// indicator's draws do not depend on where it stands in the plan.
func indicatorRand(seed int64, code string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(code))
	return rand.New(rand.NewPCG(uint64(seed), h.Sum64()))
}

// factorRanges are chosen with margins inside the bands of the default
// status profile (10 and 30 points behind 序时进度).
var factorRanges = map[class][2]float64{
	ahead: {1.10, 1.25}, onTrack: {0.97, 1.07}, behind: {0.55, 0.68}, farBehind: {0.15, 0.32},
}

// levelRanges are shares of a level target (a growth rate, say) reached.
var levelRanges = map[class][2]float64{
	ahead: {1.04, 1.10}, onTrack: {0.98, 1.03}, behind: {0.88, 0.93}, farBehind: {0.81, 0.86},
}

func drawFactor(r *rand.Rand, c class, level bool) float64 {
	lim := factorRanges[c]
	if level {
		lim = levelRanges[c]
	}
	return lim[0] + (lim[1]-lim[0])*r.Float64()
}

// milestoneLag is how many due milestones a class has not reached; ahead
// reaches the next one early once the first is due.
var milestoneLag = map[class]int{ahead: -1, onTrack: 0, behind: 1, farBehind: 2}
