package synth

import "fmt"

// province is a province-level division with its two-digit code.
type province struct {
	code int
	name string
}

// provinces are China's 31 province-level divisions on the mainland.
var provinces = []province{
	{11, "北京市"}, {12, "天津市"}, {13, "河北省"}, {14, "山西省"}, {15, "内蒙古自治区"},
	{21, "辽宁省"}, {22, "吉林省"}, {23, "黑龙江省"}, {31, "上海市"}, {32, "江苏省"},
	{33, "浙江省"}, {34, "安徽省"}, {35, "福建省"}, {36, "江西省"}, {37, "山东省"},
	{41, "河南省"}, {42, "湖北省"}, {43, "湖南省"}, {44, "广东省"}, {45, "广西壮族自治区"},
	{46, "海南省"}, {50, "重庆市"}, {51, "四川省"}, {52, "贵州省"}, {53, "云南省"},
	{54, "西藏自治区"}, {61, "陕西省"}, {62, "甘肃省"}, {63, "青海省"}, {64, "宁夏回族自治区"},
	{65, "新疆维吾尔自治区"},
}

// Provinces is the number of province-level divisions districts spread over.
var Provinces = len(provinces)

// syllables make synthetic city and district names.
var syllables = []rune("安宁平和新兴华阳东西南北丰泰长清明德永嘉")

// DistrictsPerCity is how many districts a synthetic city holds.
const DistrictsPerCity = 10

// Region is where district d lies: province, city and district, with a
// six-digit division code (province, city, district; two digits each).
type Region struct {
	Code, Province, City, District string
}

// Name is the full name, e.g. 河南省安宁市东华区.
func (r Region) Name() string { return r.Province + r.City + r.District }

// RegionOf places district d: districts go round the provinces, ten to a city.
func RegionOf(d int) Region {
	p := provinces[d%len(provinces)]
	k := d / len(provinces)
	city, district := k/DistrictsPerCity, k%DistrictsPerCity
	return Region{
		Code:     fmt.Sprintf("%02d%02d%02d", p.code, city%100+1, district+1),
		Province: p.name,
		City:     name(city, 7) + "市",
		District: name(k, 3) + "区",
	}
}

// name spells n in two syllables, mixed by a stride so neighbours differ.
func name(n, stride int) string {
	a := syllables[n%len(syllables)]
	b := syllables[(n/len(syllables)+n*stride+1)%len(syllables)]
	return string([]rune{a, b})
}
