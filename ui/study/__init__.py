"""学习教育: the study record (党员学习教育) — the year's table, a member's entries, imports."""
