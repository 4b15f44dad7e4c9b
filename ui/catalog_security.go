package ui

// The texts of the security work (issue 17), added to the catalog.
func init() {
	for k, v := range map[string][2]string{
		"xlsx.replayed": {"该填报表此前已上传并写入 %s 条报送，本次未重复写入",
			"This workbook was uploaded before (%s reports); nothing was written again"},
	} {
		catalog[k] = v
	}
}
