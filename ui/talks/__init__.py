"""谈心谈话: the record book of talks and the year's coverage (支部工作条例 第19条)."""
