// Package xlsx reads and writes duban's Excel workbooks: the plan as a
// workbook (计划, one sheet per area, 报送记录) that can be edited and
// imported back, and the per-unit report template (填报表) that a unit fills
// in and uploads. It speaks to the rest of duban only through the domain
// services and the tracker; it holds no SQL.
package xlsx
