"""考核评价: the year's indicators, their drill-down and the branch's annual self-assessment."""
