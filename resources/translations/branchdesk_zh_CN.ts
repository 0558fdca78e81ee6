<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AfterRecoveryDialog</name>
    <message>
        <source>Set a new passphrase</source>
        <translation>设置新口令</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>The data was unlocked with the recovery code. Set a new passphrase now and unlock with it from now on.</source>
        <translation>数据是用恢复码解锁的。请现在设置一个新口令，今后用它解锁。</translation>
    </message>
    <message>
        <source>“Later” keeps the old passphrase; you will be asked again the next time the recovery code unlocks the data.</source>
        <translation>选择“以后再说”将保留原口令；下次用恢复码解锁时会再次询问。</translation>
    </message>
    <message>
        <source>The new passphrase is set.</source>
        <translation>新口令已设置。</translation>
    </message>
    <message>
        <source>The recovery code was taken out of its safe place. If it may have been seen by others, or you are not sure where it is kept, make a new one: the old code stops working at once.</source>
        <translation>恢复码已从保管处取出使用过。如它可能已被他人看到，或不确定它存放在哪里，请生成新的恢复码：旧恢复码将立即失效。</translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation>生成新的恢复码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <source>The old recovery code no longer works. Print or save the new one now: it is shown only this once.</source>
        <translation>旧恢复码已失效。请现在打印或保存新的恢复码：它只显示这一次。</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Add a correction</source>
        <translation>添加更正</translation>
    </message>
    <message>
        <source>What is corrected, e.g. 会议地点应为二楼会议室。</source>
        <translation>更正的内容，例如：会议地点应为二楼会议室。</translation>
    </message>
    <message>
        <source>The finalized minutes stay as they are; the correction is kept with its own date and author and prints after them.</source>
        <translation>已定稿的会议记录保持原样；更正单独记录日期和更正人，打印时附在会议记录之后。</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>Add correction</source>
        <translation>添加更正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the date of the correction.</source>
        <translation>请填写更正日期。</translation>
    </message>
</context>
<context>
    <name>AmendmentsTab</name>
    <message>
        <source>No corrections: to correct finalized minutes, click “Add correction…”.</source>
        <translation>尚无更正：要更正已定稿的会议记录，请点击“添加更正…”。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正内容</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Record the answer</source>
        <translation>登记答复</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复意见</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>落实措施</translation>
    </message>
    <message>
        <source>Reason for not adopting</source>
        <translation>不予采纳理由</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>答复单位/人</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>答复日期</translation>
    </message>
</context>
<context>
    <name>AppraisalDialog</name>
    <message>
        <source>Democratic appraisal {year}: {name}</source>
        <translation>{year}年度民主评议：{name}</translation>
    </message>
    <message>
        <source>Self-assessment done</source>
        <translation>已完成个人自评</translation>
    </message>
    <message>
        <source>Appraisal votes</source>
        <translation>民主测评票数</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评定等次</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定机构</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Probationary members take part without a grade (Article 18).</source>
        <translation>预备党员参加评议，不评定等次（第十八条）。</translation>
    </message>
    <message>
        <source>Handling of an unqualified member</source>
        <translation>不合格党员的组织处置</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>组织处置</translation>
    </message>
    <message>
        <source>Correct by (at most a year)</source>
        <translation>限期改正至（不超过一年）</translation>
    </message>
    <message>
        <source>General meeting on</source>
        <translation>支部大会日期</translation>
    </message>
    <message>
        <source>Members entitled to vote</source>
        <translation>有表决权的党员数</translation>
    </message>
    <message>
        <source>Votes in favour</source>
        <translation>赞成票数</translation>
    </message>
    <message>
        <source>Approved by the higher committee on</source>
        <translation>上级党组织批准日期</translation>
    </message>
    <message>
        <source>Ground (Article 31)</source>
        <translation>除名依据（第三十一条）</translation>
    </message>
    <message>
        <source>Education comes first. Persuading to leave and striking off are decided by the general meeting and take effect when the higher committee approves them: the member then leaves the roll on that date.</source>
        <translation>先进行教育帮助。劝其退党和除名由支部大会讨论决定，报上级党组织批准后生效：该党员自批准之日起离开本支部名册。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>A date is not valid; type it as 2026-12-20.</source>
        <translation>日期无效，请按 2026-12-20 的格式填写。</translation>
    </message>
</context>
<context>
    <name>AppraisalPage</name>
    <message>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <source>Appraise…</source>
        <translation>评议…</translation>
    </message>
    <message>
        <source>Export result table…</source>
        <translation>导出结果表…</translation>
    </message>
    <message>
        <source>Print result table…</source>
        <translation>打印结果表…</translation>
    </message>
    <message>
        <source>Self-assessment, mutual appraisal and the appraisal vote come first; then the committee or the general meeting decides each grade. Probationary members take part without a grade. Double-click a member to record the appraisal.</source>
        <translation>先个人自评、党员互评、民主测评，再由支委会或支部党员大会评定等次。预备党员参加评议，不评定等次。双击党员即可登记评议情况。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>个人自评</translation>
    </message>
    <message>
        <source>Votes (E/Q/B/U)</source>
        <translation>测评票数（优/合/基/不）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评定等次</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>组织处置</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{year}: {full} full members, {recorded} appraised, {assessed} self-assessments. Excellent {excellent} (at most {limit}), qualified {qualified}, basically qualified {basic}, unqualified {unqualified}.</source>
        <translation>{year}年度：正式党员 {full} 人，已评议 {recorded} 人，已自评 {assessed} 人。优秀 {excellent} 人（上限 {limit} 人），合格 {qualified} 人，基本合格 {basic} 人，不合格 {unqualified} 人。</translation>
    </message>
    <message>
        <source>Left the roll</source>
        <translation>已离开名册</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <source>Not appraised</source>
        <translation>未评议</translation>
    </message>
    <message>
        <source>No grade (probationary)</source>
        <translation>预备党员不定等次</translation>
    </message>
    <message>
        <source> until {day}</source>
        <translation>至{day}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Choose a member in the list first.</source>
        <translation>请先在列表中选择一名党员。</translation>
    </message>
    <message>
        <source>The appraisal was saved.</source>
        <translation>评议情况已保存。</translation>
    </message>
    <message>
        <source>Export result table</source>
        <translation>导出结果表</translation>
    </message>
    <message>
        <source>Democratic appraisal {year}.xlsx</source>
        <translation>{year}年度民主评议党员结果表.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Result table exported: {file}</source>
        <translation>结果表已导出：{file}</translation>
    </message>
    <message>
        <source>Writing the result table…</source>
        <translation>正在写入结果表…</translation>
    </message>
    <message>
        <source>Democratic appraisal result table</source>
        <translation>民主评议党员结果表</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在准备文档…</translation>
    </message>
</context>
<context>
    <name>AppraisalTexts</name>
    <message>
        <source>Not decided</source>
        <translation>未评定</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Basically qualified</source>
        <translation>基本合格</translation>
    </message>
    <message>
        <source>Unqualified</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未决定</translation>
    </message>
    <message>
        <source>Branch committee</source>
        <translation>支部委员会</translation>
    </message>
    <message>
        <source>General meeting of members</source>
        <translation>支部党员大会</translation>
    </message>
    <message>
        <source>Education (no handling yet)</source>
        <translation>教育帮助（暂不处置）</translation>
    </message>
    <message>
        <source>Correction within a time limit</source>
        <translation>限期改正</translation>
    </message>
    <message>
        <source>Persuade to leave the Party</source>
        <translation>劝其退党</translation>
    </message>
    <message>
        <source>Strike off the roll</source>
        <translation>除名</translation>
    </message>
    <message>
        <source>(choose the ground)</source>
        <translation>（请选择依据）</translation>
    </message>
    <message>
        <source>(1) Lost ideals and conviction, no longer meets the conditions</source>
        <translation>（一）理想信念缺失，已丧失党员条件</translation>
    </message>
    <message>
        <source>(2) Holds a religious belief, unchanged after education</source>
        <translation>（二）信仰宗教，经帮助教育仍无转变</translation>
    </message>
    <message>
        <source>(3) Insists on leaving after ideological degeneration</source>
        <translation>（三）因思想蜕化提出退党，经教育仍坚持</translation>
    </message>
    <message>
        <source>(4) Threatens to leave for personal ends, unchanged</source>
        <translation>（四）以退党相要挟，经教育不改</translation>
    </message>
    <message>
        <source>(5) No change when the correction period ended</source>
        <translation>（五）限期改正期满后仍无转变</translation>
    </message>
    <message>
        <source>(6) Six months without organizational life, dues or assigned work</source>
        <translation>（六）无正当理由连续6个月不参加组织生活、不交党费或不做分配的工作</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>A probationary member takes part without a grade (Article 18).</source>
        <translation>预备党员参加评议，不评定等次（第十八条）。</translation>
    </message>
    <message>
        <source>Excellent may go to at most a third of the full members.</source>
        <translation>评为优秀的人数不得超过正式党员的三分之一。</translation>
    </message>
    <message>
        <source>Say who decided the grade (committee or general meeting).</source>
        <translation>请选择评定等次的机构（支委会或支部党员大会）。</translation>
    </message>
    <message>
        <source>Enter the date the grade was decided.</source>
        <translation>请填写评定日期。</translation>
    </message>
    <message>
        <source>A handling is only for an unqualified member (Article 30).</source>
        <translation>只有评为不合格的党员才作组织处置（第三十条）。</translation>
    </message>
    <message>
        <source>Enter the date the correction period ends (Article 30).</source>
        <translation>请填写限期改正的截止日期（第三十条）。</translation>
    </message>
    <message>
        <source>The correction period must end after the decision.</source>
        <translation>限期改正的截止日期应在评定日期之后。</translation>
    </message>
    <message>
        <source>The correction period is at most one year (Article 30).</source>
        <translation>限期改正的期限不超过一年（第三十条）。</translation>
    </message>
    <message>
        <source>Enter the date of the general meeting that decided it.</source>
        <translation>请填写作出决定的支部大会日期。</translation>
    </message>
    <message>
        <source>Enter the members entitled to vote and the votes in favour.</source>
        <translation>请填写有表决权的党员数和赞成票数。</translation>
    </message>
    <message>
        <source>The vote did not pass: it needs more than half of the members entitled to vote.</source>
        <translation>表决未通过：赞成票须超过有表决权党员的半数。</translation>
    </message>
    <message>
        <source>The approval cannot be before the general meeting.</source>
        <translation>上级党组织批准日期不能早于支部大会日期。</translation>
    </message>
    <message>
        <source>Choose the ground for striking off (Article 31).</source>
        <translation>请选择除名依据（第三十一条）。</translation>
    </message>
    <message>
        <source>Vote counts cannot be negative.</source>
        <translation>票数不能为负数。</translation>
    </message>
    <message>
        <source>Only full and probationary members are appraised.</source>
        <translation>只评议正式党员和预备党员。</translation>
    </message>
</context>
<context>
    <name>ArrearsReminders</name>
    <message>
        <source>Party dues in arrears</source>
        <translation>党费欠缴提醒</translation>
    </message>
    <message>
        <source>{line} {advice}</source>
        <translation>{line}。{advice}</translation>
    </message>
    <message>
        <source>{count} more members: see Party dues › Arrears.</source>
        <translation>另有 {count} 名党员，见“党费 › 欠费提醒”。</translation>
    </message>
    <message>
        <source>Working out who is behind with their dues…</source>
        <translation>正在计算欠缴党费情况…</translation>
    </message>
    <message>
        <source>The dues arrears could not be worked out: {reason}</source>
        <translation>未能计算欠缴党费情况：{reason}</translation>
    </message>
</context>
<context>
    <name>ArrearsTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Months unpaid in a row</source>
        <translation>连续未交月数</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>未交月份</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>No member is three or more months behind with their dues.</source>
        <translation>没有连续3个月以上未交党费的党员。</translation>
    </message>
    <message>
        <source>{count} members are three or more months behind; {urgent} of them five months or more.</source>
        <translation>有 {count} 名党员连续3个月以上未交党费，其中 {urgent} 名已达5个月以上。</translation>
    </message>
    <message>
        <source>Working out who is behind with their dues…</source>
        <translation>正在计算欠缴党费情况…</translation>
    </message>
    <message>
        <source>The dues arrears could not be worked out: {reason}</source>
        <translation>未能计算欠缴党费情况：{reason}</translation>
    </message>
    <message>
        <source>How the months count</source>
        <translation>月份如何计算</translation>
    </message>
</context>
<context>
    <name>AssessmentSettingsDialog</name>
    <message>
        <source>Assessment indicators</source>
        <translation>考核指标设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Put the default indicators, targets and weights in the fields; kept when saved</source>
        <translation>在各栏填入默认的指标、目标值和权重；点“保存”后生效</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the indicators the branch is assessed on, the target each must reach and its weight. The standing counts the weights of the indicators met against those that could be counted; the weights need not add up to 100.</source>
        <translation>选择本支部使用的考核指标，填写各项的目标值和权重。达标情况按已达标指标的权重占可统计指标权重之和的比例计算，权重合计不必为 100。</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>选用</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>How it is counted</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Sum of the weights used: —</source>
        <translation>所选指标权重合计：—</translation>
    </message>
    <message>
        <source>Sum of the weights used: {total}</source>
        <translation>所选指标权重合计：{total}</translation>
    </message>
</context>
<context>
    <name>AssessmentTexts</name>
    <message>
        <source>there is no indicator “{indicator}” (no ranking or points of members: only the branch&apos;s own indicators)</source>
        <translation>没有“{indicator}”这项指标（只考核支部自身的工作，不对党员个人评分或排名）</translation>
    </message>
    <message>
        <source>the indicator “{indicator}” is listed twice</source>
        <translation>指标“{indicator}”重复列出</translation>
    </message>
    <message>
        <source>the weight of “{indicator}” is negative</source>
        <translation>指标“{indicator}”的权重为负数</translation>
    </message>
    <message>
        <source>the target of “{indicator}” is negative</source>
        <translation>指标“{indicator}”的目标值为负数</translation>
    </message>
    <message>
        <source>the target of “{indicator}” is over 100%</source>
        <translation>指标“{indicator}”的目标值超过100%</translation>
    </message>
    <message>
        <source>the target or weight of “{indicator}” is not a number</source>
        <translation>指标“{indicator}”的目标值或权重不是数字</translation>
    </message>
    <message>
        <source>no indicator is chosen</source>
        <translation>未选择任何指标</translation>
    </message>
    <message>
        <source>The {year} self-assessment was submitted and can no longer be changed.</source>
        <translation>{year}年度工作情况已报送，不能再修改。</translation>
    </message>
    <message>
        <source>The {year} self-assessment was submitted on {date} and can no longer be changed.</source>
        <translation>{year}年度工作情况已于{date}报送，不能再修改。</translation>
    </message>
    <message>
        <source>The assessment indicators were not saved: {problem}.</source>
        <translation>考核指标设置未保存：{problem}。</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>Rectification item</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>党务公开</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>未召开</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>无应计事项</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>How it is counted</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Records behind…</source>
        <translation>查看明细…</translation>
    </message>
    <message>
        <source>List the records this figure was counted from</source>
        <translation>列出统计这项数据所依据的记录</translation>
    </message>
    <message>
        <source>Written by the secretary; printed as typed.</source>
        <translation>由支部书记填写，按原文打印。</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>报送…</translation>
    </message>
    <message>
        <source>Submit the year&apos;s self-assessment to the platform; it cannot be changed afterwards</source>
        <translation>将本年度工作情况报送平台；报送后不能再修改</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>党支部年度工作情况 with the figures, as a PDF</source>
        <translation>含考核数据的党支部年度工作情况（PDF）</translation>
    </message>
    <message>
        <source>The branch&apos;s own figures, counted from its records: what was held, paid, studied, talked, rectified, answered and published against what was due. No member is ranked or given points.</source>
        <translation>本支部的各项数据均由记录统计：已召开、已交纳、已学习、已谈话、已整改、已答复、已公开的与应完成的相比。不对党员个人评分或排名。</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{met} of {counted} indicators met (as of {date}); weights of those met: {share}</source>
        <translation>{counted} 项指标中 {met} 项指标达标（统计至 {date}）；达标指标权重占比：{share}</translation>
    </message>
    <message>
        <source>Submitted on {date}: read-only. The report keeps the figures of that day; the table above counts the records as they are now.</source>
        <translation>已于 {date} 报送，只读。报告保存报送当日的数据；上表按当前记录统计。</translation>
    </message>
    <message>
        <source>Draft: saved, not yet submitted.</source>
        <translation>草稿：已保存，尚未报送。</translation>
    </message>
    <message>
        <source>Not yet written: write the four sections, save, then submit.</source>
        <translation>尚未填写：请填写四个部分，保存后报送。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Submit the self-assessment</source>
        <translation>报送年度工作情况</translation>
    </message>
    <message>
        <source>Submit the {year} self-assessment? The figures are counted once more and kept as they are today; the report can no longer be changed.</source>
        <translation>报送{year}年度工作情况？数据将重新统计并按今日结果保存；报送后不能再修改。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Submitted: it goes to the platform at the next synchronization.</source>
        <translation>已报送：下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>Export the self-assessment</source>
        <translation>导出年度工作情况</translation>
    </message>
    <message>
        <source>self-assessment {year}.pdf</source>
        <translation>{year}年度工作情况.pdf</translation>
    </message>
    <message>
        <source>Exported ({pages} pages): {file}</source>
        <translation>已导出（{pages} 页）：{file}</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Indicator settings…</source>
        <translation>指标设置…</translation>
    </message>
    <message>
        <source>Choose the indicators, their targets and weights (localities differ)</source>
        <translation>选择考核指标，设置目标值和权重（各地要求不同）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在报送…</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Letters, photos or scans that came with the entry are kept inside the encrypted database on this PC (at most 20 MB each); they are not synced.</source>
        <translation>随意见建议收到的来信、照片或扫描件保存在本机的加密数据库中（每个不超过 20 MB），不会同步。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{name} ({kb} KB)</source>
        <translation>{name}（{kb} KB）</translation>
    </message>
    <message>
        <source>Add files to the entry</source>
        <translation>为意见建议添加文件</translation>
    </message>
    <message>
        <source>{count} files added.</source>
        <translation>已添加 {count} 个文件。</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>另存文件副本</translation>
    </message>
    <message>
        <source>Saved a copy as {file}.</source>
        <translation>副本已保存为 {file}。</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Photos and scanned sign-in sheets are kept inside the encrypted database (at most 20 MB each).</source>
        <translation>照片和签到表扫描件保存在加密数据库中（每个文件不超过 20 MB）。</translation>
    </message>
    <message>
        <source>No attachments yet: click “Add files…” (e.g. a scanned sign-in sheet or photos).</source>
        <translation>尚无附件：点击“添加文件…”（如签到表扫描件、照片）。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the meeting first, then add files.</source>
        <translation>请先保存会议，再添加文件。</translation>
    </message>
    <message>
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <source>Add files to the meeting</source>
        <translation>为会议添加文件</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation>正在添加文件…</translation>
    </message>
    <message>
        <source>{count} files added.</source>
        <translation>已添加 {count} 个文件。</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>将文件另存为</translation>
    </message>
    <message>
        <source>Saved a copy as {file}.</source>
        <translation>已另存为 {file}。</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>正在另存…</translation>
    </message>
    <message>
        <source> Files can be added after finalizing too (e.g. the signed minutes, scanned).</source>
        <translation>定稿后仍可添加文件（如签字后的会议记录扫描件）。</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>Present (1)</source>
        <translation>出席 (1)</translation>
    </message>
    <message>
        <source>On leave (2)</source>
        <translation>请假 (2)</translation>
    </message>
    <message>
        <source>Absent (3)</source>
        <translation>缺席 (3)</translation>
    </message>
    <message>
        <source>Expected {expected} · present {present} · on leave {leave} · absent {absent}</source>
        <translation>应到 {expected} 人 · 实到 {present} 人 · 请假 {leave} 人 · 缺席 {absent} 人</translation>
    </message>
    <message>
        <source>Give the reason for everyone on leave or absent (the row marked in red).</source>
        <translation>请为每位请假或缺席的人员填写原因（见标红的行）。</translation>
    </message>
    <message>
        <source>Everyone expected is marked present. Mark only the exceptions: select a name with the arrow keys and press 2 for on leave, 3 for absent or 4 for absent with a written opinion handed in before the meeting, then type the reason and press Enter; 1 marks present again. Several names can be selected with Shift.</source>
        <translation>应到人员默认全部出席，只需标出例外：用方向键选中姓名，按 2 标为请假、按 3 标为缺席、按 4 标为缺席但会前已提交书面意见，然后填写原因并按回车；按 1 恢复为出席。按住 Shift 可选中多人。</translation>
    </message>
    <message>
        <source>Written opinion (4)</source>
        <translation>书面意见 (4)</translation>
    </message>
    <message>
        <source> · written opinions {written}</source>
        <translation> · 书面意见 {written}</translation>
    </message>
</context>
<context>
    <name>AttendanceTable</name>
    <message>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <source>Type the reason (for example 出差, 病假).</source>
        <translation>请填写原因（例如：出差、病假）。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Party standing</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Reason for leave or absence</source>
        <translation>请假/缺席原因</translation>
    </message>
</context>
<context>
    <name>BackgroundList</name>
    <message>
        <source>Looking through the records…</source>
        <translation>正在查看记录…</translation>
    </message>
    <message>
        <source>This could not be worked out: {reason}</source>
        <translation>未能完成计算：{reason}</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>BaseChecksDialog</name>
    <message>
        <source>Checks on typed bases</source>
        <translation>基数核查范围</translation>
    </message>
    <message>
        <source>A base outside these limits is pointed out before it is saved (never refused). Use the local minimum wage, less the individual social-insurance share, as the lowest plausible wage of a member in work.</source>
        <translation>超出以下范围的基数在保存前会提示核对（不会拒绝保存）。在职党员的合理工资下限可按当地最低工资标准扣除个人社保缴费后的金额填写。</translation>
    </message>
    <message>
        <source>Lowest plausible wage (yuan):</source>
        <translation>合理工资下限（元）：</translation>
    </message>
    <message>
        <source>Highest plausible base (yuan):</source>
        <translation>合理基数上限（元）：</translation>
    </message>
    <message>
        <source>Change from the base in force above:</source>
        <translation>与现行基数相差超过：</translation>
    </message>
    <message>
        <source>The lowest plausible wage must be below the highest plausible base.</source>
        <translation>合理工资下限必须低于合理基数上限。</translation>
    </message>
</context>
<context>
    <name>BaseImportDialog</name>
    <message>
        <source>Bases from a payroll file</source>
        <translation>从工资表导入基数</translation>
    </message>
    <message>
        <source>{file}: {count} bases to set from {month}, {unchanged} unchanged; {errors} errors, {warnings} notes.</source>
        <translation>{file}：将自{month}起设置 {count} 个基数，{unchanged} 个不变；错误 {errors} 处，提醒 {warnings} 处。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{name}: {previous} → {base}</source>
        <translation>{name}：{previous} → {base}</translation>
    </message>
    <message>
        <source>Correct the file and choose it again: nothing is imported while it has errors.</source>
        <translation>文件有错误，一个基数也不会导入：请改正文件后重新选择。</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>按“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>BasesTab</name>
    <message>
        <source>The first month the new bases apply to: the month the new wage or pension is first paid (art. 10).</source>
        <translation>新基数从哪个月起执行：即新工资或养老金开始发放的月份（第十条）。</translation>
    </message>
    <message>
        <source>Import from a payroll file…</source>
        <translation>从工资表导入…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>New bases apply from:</source>
        <translation>新基数起始月份：</translation>
    </message>
    <message>
        <source>Keep current bases</source>
        <translation>沿用现行基数</translation>
    </message>
    <message>
        <source>Type the current base as the new base where nothing is typed (the selected rows, or every row).</source>
        <translation>在尚未填写的行中填入现行基数作为新基数（选中多行时只填选中的行，否则填全部）。</translation>
    </message>
    <message>
        <source>Save bases</source>
        <translation>保存基数</translation>
    </message>
    <message>
        <source>Record every base typed (Ctrl+S).</source>
        <translation>保存所有已填写的基数（Ctrl+S）。</translation>
    </message>
    <message>
        <source>The base is the monthly wage after tax (art. 1), or the pension for retirees (art. 5). Type the new base in “New monthly base” and press Enter for the next member; members paying a fixed amount need none.</source>
        <translation>基数为每月税后工资收入（第一条），离退休人员为实领养老金（第五条）。在“新月基数”中输入金额，按回车到下一人；按定额交纳的党员无需基数。</translation>
    </message>
    <message>
        <source>{count} members still have no base.</source>
        <translation>还有 {count} 名党员没有基数。</translation>
    </message>
    <message>
        <source>{count} members listed.</source>
        <translation>共 {count} 名党员。</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the {count} rows marked in red.</source>
        <translation>未保存：请改正标红的 {count} 行。</translation>
    </message>
    <message>
        <source>No bases typed: nothing to save.</source>
        <translation>没有填写基数，无需保存。</translation>
    </message>
    <message>
        <source>Nothing was saved: {count} rows need attention (see “Remarks”).</source>
        <translation>未保存：有 {count} 行需要处理（见“提示”列）。</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>{count} bases saved, applying from {month}.</source>
        <translation>已保存 {count} 个基数，自{month}起执行。</translation>
    </message>
    <message>
        <source>Saving {count} bases…</source>
        <translation>正在保存 {count} 个基数…</translation>
    </message>
    <message>
        <source>Import bases from a payroll file</source>
        <translation>从工资表导入基数</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing bases…</source>
        <translation>正在导入基数…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>{count} bases imported, applying from {month}; {unchanged} were unchanged.</source>
        <translation>已导入 {count} 个基数，自{month}起执行；{unchanged} 个未变。</translation>
    </message>
    <message>
        <source>The bases could not be read: {reason}</source>
        <translation>未能读取党费基数：{reason}</translation>
    </message>
    <message>
        <source>Reading the members&apos; bases…</source>
        <translation>正在读取党员的党费基数…</translation>
    </message>
    <message>
        <source>Checks…</source>
        <translation>核查范围…</translation>
    </message>
    <message>
        <source>The limits outside which a typed base is pointed out before saving.</source>
        <translation>录入的基数超出此范围时，保存前会提示核对。</translation>
    </message>
    <message>
        <source>{name} pays a fixed amount (art. 6) and needs no base: nothing was typed.</source>
        <translation>{name}按定额交纳党费（第六条），不需核定基数：未录入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was typed: type the base in “New monthly base” (Enter goes there).</source>
        <translation>未录入：请在“新月基数”一列录入基数（按回车键即可到达）。</translation>
    </message>
    <message>
        <source>{name}: {base} yuan — {reasons}</source>
        <translation>{name}：{base} 元——{reasons}</translation>
    </message>
    <message>
        <source>Please check these bases before saving:</source>
        <translation>保存前请核对以下基数：</translation>
    </message>
    <message>
        <source>Save as typed</source>
        <translation>按录入保存</translation>
    </message>
    <message>
        <source>Correct them</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Party dues, bases: bases typed</source>
        <translation>党费基数核定：已输入的基数</translation>
    </message>
</context>
<context>
    <name>BranchPage</name>
    <message>
        <source>Branch information</source>
        <translation>支部信息</translation>
    </message>
    <message>
        <source>Enter the branch this computer keeps the records of. All fields are required.</source>
        <translation>请填写本机所管理的党支部信息。各项均为必填。</translation>
    </message>
    <message>
        <source>e.g. First Party Branch of the Office</source>
        <translation>例如：机关第一党支部</translation>
    </message>
    <message>
        <source>Branch name:</source>
        <translation>支部名称：</translation>
    </message>
    <message>
        <source>Branch code:</source>
        <translation>支部编号：</translation>
    </message>
    <message>
        <source>Higher party organization:</source>
        <translation>上级党组织：</translation>
    </message>
    <message>
        <source>Branch secretary:</source>
        <translation>支部书记：</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Moving to a new computer? Restore the branch&apos;s data from a backup instead of setting up a new branch.</source>
        <translation>更换了电脑？可以从备份恢复本支部的数据，无需重新设置支部。</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>BranchProfileBox</name>
    <message>
        <source>Branch</source>
        <translation>支部信息</translation>
    </message>
    <message>
        <source>e.g. Li Xiuying (organization), Zhao Zhiqiang (propaganda)</source>
        <translation>例如：李秀英（组织委员）、赵志强（宣传委员）</translation>
    </message>
    <message>
        <source>Branch name:</source>
        <translation>支部名称：</translation>
    </message>
    <message>
        <source>Branch code:</source>
        <translation>支部编号：</translation>
    </message>
    <message>
        <source>Higher party organization:</source>
        <translation>上级党组织：</translation>
    </message>
    <message>
        <source>Branch secretary:</source>
        <translation>支部书记：</translation>
    </message>
    <message>
        <source>Committee members:</source>
        <translation>支委委员：</translation>
    </message>
    <message>
        <source>Save branch information</source>
        <translation>保存支部信息</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Kind of branch:</source>
        <translation>支部类型：</translation>
    </message>
    <message>
        <source>Committee elected on:</source>
        <translation>支委会选举日期：</translation>
    </message>
    <message>
        <source>{count} full members: fewer than 7, so the branch has a secretary and no committee; no committee meetings are required until it reaches 7.</source>
        <translation>正式党员 {count} 名：不足 7 名，只设书记、不设支部委员会；正式党员达到 7 名之前不要求召开支委会。</translation>
    </message>
    <message>
        <source>{count} full members: the branch has a committee. Enter the day it was elected to be reminded of the next election six months ahead.</source>
        <translation>正式党员 {count} 名：设支部委员会。填写本届支委会的选举日期，换届前六个月会提醒。</translation>
    </message>
    <message>
        <source>{count} full members: the branch has a committee. Next election (换届) due on {date}.</source>
        <translation>正式党员 {count} 名：设支部委员会。下次换届应于 {date}。</translation>
    </message>
    <message>
        <source>Not a date</source>
        <translation>不是有效日期</translation>
    </message>
</context>
<context>
    <name>BranchSettings</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Branding</name>
    <message>
        <source>BranchDesk</source>
        <translation>BranchDesk 支部工作台</translation>
    </message>
    <message>
        <source>{app} — {branch}</source>
        <translation>{app} — {branch}</translation>
    </message>
</context>
<context>
    <name>BundleBox</name>
    <message>
        <source>Sync by bundle file (PC without a connection)</source>
        <translation>通过同步包同步（无法联网的电脑）</translation>
    </message>
    <message>
        <source>1. Export a bundle onto a USB drive and take it to the platform administrator.
2. Bring back the return bundle the platform writes and import it here.
A new bundle always carries every change not yet confirmed, so a lost drive loses nothing. Records classified 秘密 never enter a bundle.</source>
        <translation>1. 将同步包导出到U盘，交给平台管理员。
2. 带回平台生成的返回包，在此导入。
每个新同步包都包含全部尚未确认的更改，U盘丢失也不会丢数据。密级为“秘密”的记录绝不会写入同步包。</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <source>Import return bundle…</source>
        <translation>导入返回包…</translation>
    </message>
    <message>
        <source>Set the platform&apos;s key file…</source>
        <translation>设置平台公钥文件…</translation>
    </message>
    <message>
        <source>Save this PC&apos;s key file…</source>
        <translation>保存本机公钥文件…</translation>
    </message>
    <message>
        <source>{count} changes wait to leave this PC.</source>
        <translation>有 {count} 项更改等待从本机送出。</translation>
    </message>
    <message>
        <source>The platform&apos;s key file is not set yet: ask the platform administrator for it.</source>
        <translation>尚未设置平台公钥文件，请向平台管理员索取。</translation>
    </message>
    <message>
        <source>Bundle {sequence} was exported: import the platform&apos;s return bundle when it comes back.</source>
        <translation>第 {sequence} 号同步包已导出，平台返回包带回后请在此导入。</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <source>Sync bundles (*.bdsync)</source>
        <translation>同步包 (*.bdsync)</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message>
        <source>Bundle {sequence} written and verified: {count} changes.</source>
        <translation>第 {sequence} 号同步包已写入并校验无误：包含 {count} 项更改。</translation>
    </message>
    <message>
        <source>{count} changes to records classified 秘密 stay on this PC.</source>
        <translation>{count} 项密级为“秘密”的更改仅保留在本机。</translation>
    </message>
    <message>
        <source>{count} changes to the branch profile were not included: the platform&apos;s administrator keeps the branch profile, it is never sent from a PC.</source>
        <translation>{count} 项支部信息更改未打包：支部信息由平台管理员维护，不从本机上传。</translation>
    </message>
    <message>
        <source>The drive can now be removed safely.</source>
        <translation>现在可以安全移除存储介质。</translation>
    </message>
    <message>
        <source>Import return bundle</source>
        <translation>导入返回包</translation>
    </message>
    <message>
        <source>Applying the return bundle…</source>
        <translation>正在导入返回包…</translation>
    </message>
    <message>
        <source>Return bundle applied: {pushed} changes confirmed by the platform, {pulled} received.</source>
        <translation>返回包已导入：平台确认 {pushed} 项更改，接收 {pulled} 项。</translation>
    </message>
    <message>
        <source>This PC&apos;s data came from an older backup: the platform had already received later bundles from it. This PC now has the platform&apos;s records again, and the changes it had not confirmed were sent again (none is counted twice).</source>
        <translation>本机的数据来自较早的备份：平台此前已收到本机更晚的数据包。本机现已按平台的记录恢复最新数据，平台尚未确认的本机变更已重新发送（不会重复记入）。</translation>
    </message>
    <message>
        <source>The platform was restored from its backup and lost bundles from this PC: this PC continues from the platform&apos;s numbers, and every change the platform has not confirmed goes in the next bundle (none is counted twice, nothing here was deleted). Export a new bundle and take it to the platform.</source>
        <translation>平台已从备份恢复，丢失了本机此前的部分数据包：本机改按平台的编号继续，平台尚未确认的全部变更会放入下一个数据包重新发送（不会重复记入，本机没有删除任何数据）。请导出一个新的数据包交给平台。</translation>
    </message>
    <message>
        <source>The platform&apos;s key file</source>
        <translation>平台公钥文件</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>公钥文件 (*.json)</translation>
    </message>
    <message>
        <source>The platform&apos;s key is set: bundles can now be exported.</source>
        <translation>平台公钥已设置，现在可以导出同步包。</translation>
    </message>
    <message>
        <source>This PC&apos;s key file</source>
        <translation>本机公钥文件</translation>
    </message>
    <message>
        <source>This PC&apos;s key file was saved. Give it to the platform administrator to register.</source>
        <translation>本机公钥文件已保存，请交平台管理员登记。</translation>
    </message>
</context>
<context>
    <name>CancelTransferDialog</name>
    <message>
        <source>Letter of introduction returned unused</source>
        <translation>介绍信退回（未使用）</translation>
    </message>
</context>
<context>
    <name>CategoryChangeDialog</name>
    <message>
        <source>Change of category</source>
        <translation>人员类别变更</translation>
    </message>
    <message>
        <source>The months before keep the former category: a member who retires in July pays the rate of members in work through June (art. 2, art. 5).</source>
        <translation>变更月份之前仍按原类别计算：7月退休的党员，6月及以前按在职党员比例交纳（第二条、第五条）。</translation>
    </message>
    <message>
        <source>New category:</source>
        <translation>新类别：</translation>
    </message>
    <message>
        <source>From month:</source>
        <translation>自何月起：</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage error: {detail}</source>
        <translation>用法错误：{detail}</translation>
    </message>
    <message>
        <source>BranchDesk: records of a party branch. Without a command, the window opens.</source>
        <translation>BranchDesk 支部工作台：党支部工作记录。不带命令运行时打开程序窗口。</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>the data folder to use</source>
        <translation>要使用的数据文件夹</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>create the encrypted database of a branch</source>
        <translation>创建支部的加密数据库</translation>
    </message>
    <message>
        <source>the branch&apos;s full name</source>
        <translation>支部全称</translation>
    </message>
    <message>
        <source>the branch&apos;s organization code</source>
        <translation>支部编号</translation>
    </message>
    <message>
        <source>the higher party committee</source>
        <translation>上级党组织</translation>
    </message>
    <message>
        <source>the branch secretary&apos;s name</source>
        <translation>支部书记姓名</translation>
    </message>
    <message>
        <source>write an encrypted backup file</source>
        <translation>写入加密备份文件</translation>
    </message>
    <message>
        <source>the backup file to write</source>
        <translation>要写入的备份文件</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>用备份替换数据库</translation>
    </message>
    <message>
        <source>the backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>check the database&apos;s integrity and audit log</source>
        <translation>检查数据库完整性和审计日志</translation>
    </message>
    <message>
        <source>Interrupted. Nothing was changed.</source>
        <translation>已中断。未做任何更改。</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was created.</source>
        <translation>两次输入的口令不一致。未创建任何内容。</translation>
    </message>
    <message>
        <source>The database of {branch} was created in {folder}.</source>
        <translation>已在 {folder} 中创建 {branch} 的数据库。</translation>
    </message>
    <message>
        <source>Recovery code: {code}</source>
        <translation>恢复码：{code}</translation>
    </message>
    <message>
        <source>Print or copy the recovery code and lock it away: it is shown only this once, and it opens the database if the passphrase is forgotten.</source>
        <translation>请打印或抄录恢复码并锁好保管：恢复码仅显示这一次，忘记口令时可凭它打开数据库。</translation>
    </message>
    <message>
        <source>Backup written to {file}.</source>
        <translation>备份已写入 {file}。</translation>
    </message>
    <message>
        <source>Passphrase of the backup: </source>
        <translation>备份的口令：</translation>
    </message>
    <message>
        <source>Restored the data of {branch} from {file}.</source>
        <translation>已从 {file} 恢复 {branch} 的数据。</translation>
    </message>
    <message>
        <source>The replaced database was kept in {folder}.</source>
        <translation>被替换的数据库保存在 {folder}。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Database integrity: {result}</source>
        <translation>数据库完整性：{result}</translation>
    </message>
    <message>
        <source>Encrypted pages: {result}</source>
        <translation>加密页面：{result}</translation>
    </message>
    <message>
        <source>Audit log ({count} entries): {result}</source>
        <translation>审计日志（共 {count} 条）：{result}</translation>
    </message>
    <message>
        <source>The audit log was altered at entry {seq}.</source>
        <translation>审计日志在第 {seq} 条处被改动。</translation>
    </message>
    <message>
        <source>The check found problems: restore the database from a backup.</source>
        <translation>检查发现问题：请从备份恢复数据库。</translation>
    </message>
    <message>
        <source>create a database with realistic sample data (when there is none)</source>
        <translation>创建一个含逼真示例数据的数据库（仅在尚无数据库时）</translation>
    </message>
    <message>
        <source>how many members (default {n})</source>
        <translation>党员人数（默认 {n}）</translation>
    </message>
    <message>
        <source>the member roster (党员花名册)</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>import a roster workbook (.xlsx): all of it, or nothing if a row is wrong</source>
        <translation>导入花名册工作簿（.xlsx）：全部导入；任何一行有错则一行也不导入</translation>
    </message>
    <message>
        <source>the roster workbook to import</source>
        <translation>要导入的花名册工作簿</translation>
    </message>
    <message>
        <source>check the file and report, write nothing</source>
        <translation>只检查文件并报告，不写入任何数据</translation>
    </message>
    <message>
        <source>write the roster of members to a workbook</source>
        <translation>将党员花名册导出为工作簿</translation>
    </message>
    <message>
        <source>the workbook (.xlsx) to write</source>
        <translation>要写入的工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Sample data: {members} members in {groups} party groups; {development} in development, {left} who left, {flowing} flowing, {rewards} rewards.</source>
        <translation>示例数据：{members} 人，{groups} 个党小组；发展中 {development} 人，已离开 {left} 人，流动党员 {flowing} 人，奖励 {rewards} 项。</translation>
    </message>
    <message>
        <source>meetings and their minutes</source>
        <translation>会议及会议记录</translation>
    </message>
    <message>
        <source>list the meetings (id, date, type, first topic), oldest first</source>
        <translation>列出会议（编号、日期、类型、第一项议题），按时间先后排列</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>only the meetings held in this year</source>
        <translation>只列出该年召开的会议</translation>
    </message>
    <message>
        <source>write a meeting&apos;s minutes as a PDF</source>
        <translation>将会议记录输出为 PDF 文件</translation>
    </message>
    <message>
        <source>the meeting&apos;s id (&quot;meetings list&quot; shows it)</source>
        <translation>会议编号（可用“meetings list”查看）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>No meetings are recorded.</source>
        <translation>尚未登记任何会议。</translation>
    </message>
    <message>
        <source>No meetings are recorded in {year}.</source>
        <translation>{year}年没有登记会议。</translation>
    </message>
    <message>
        <source>There is no meeting with the id {id}; &quot;meetings list&quot; shows the ids.</source>
        <translation>没有编号为 {id} 的会议；可用“meetings list”查看会议编号。</translation>
    </message>
    <message>
        <source>The minutes were not written: the meeting has no start time. Enter it in the window first.</source>
        <translation>未生成会议记录：该会议没有填写开始时间，请先在程序窗口中填写。</translation>
    </message>
    <message>
        <source>Minutes written to {file} ({pages} pages).</source>
        <translation>会议记录已写入 {file}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>not a year: {text}</source>
        <translation>不是有效的年份：{text}</translation>
    </message>
    <message>
        <source>write a year&apos;s dues ledger (every member, 12 months), arrears list and remittance record to a workbook</source>
        <translation>将某一年度的党费台账（每名党员12个月）、欠缴名单和上缴记录写入工作簿</translation>
    </message>
    <message>
        <source>the year of the ledger</source>
        <translation>台账所属年度</translation>
    </message>
    <message>
        <source>The dues ledger of {year} ({members} members; due {due} yuan, paid {paid} yuan, unpaid {unpaid} yuan) was written to {file}.</source>
        <translation>{year}年度党费台账（共{members}名党员；应交{due}元，实交{paid}元，未交{unpaid}元）已写入 {file}。</translation>
    </message>
    <message>
        <source>{count} members have 3 or more consecutive unpaid months (第十三条).</source>
        <translation>有{count}名党员连续3个月以上未交党费（《规定》第十三条）。</translation>
    </message>
    <message>
        <source>synchronize with the city platform</source>
        <translation>与市级党建平台同步</translation>
    </message>
    <message>
        <source>the platform&apos;s address (remembered)</source>
        <translation>平台地址（会被记住）</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>bind this PC to its branch with the one-time code from the platform</source>
        <translation>用平台发放的一次性注册码将本机绑定到本支部</translation>
    </message>
    <message>
        <source>apply a pull that deletes many local records (after checking why)</source>
        <translation>确认执行会删除大量本机记录的同步（请先核实原因）</translation>
    </message>
    <message>
        <source>This PC is now enrolled for {branch} on the platform.</source>
        <translation>本机已在平台上注册为“{branch}”的终端。</translation>
    </message>
    <message>
        <source>The platform refused {count} changes; see the sync history in the window.</source>
        <translation>平台拒收了 {count} 项更改，请在窗口的同步记录中查看。</translation>
    </message>
    <message>
        <source>{count} fields were changed both here and on the platform: choose which value to keep on the 同步 page of the window.</source>
        <translation>有 {count} 个字段在本机和平台上都被修改过，请在窗口的“同步”页面选择保留哪一个值。</translation>
    </message>
    <message>
        <source>BUNDLE_COMMAND</source>
        <translation>同步包命令</translation>
    </message>
    <message>
        <source>sync by bundle file, for a PC without a connection to the platform</source>
        <translation>通过同步包文件同步（用于无法连接平台的电脑）</translation>
    </message>
    <message>
        <source>write every change not yet acknowledged to a bundle file for the platform</source>
        <translation>将平台尚未确认的全部更改写入同步包文件，交平台导入</translation>
    </message>
    <message>
        <source>apply the platform&apos;s return bundle file</source>
        <translation>导入平台返回的同步包文件</translation>
    </message>
    <message>
        <source>write this PC&apos;s public key file for the platform administrator</source>
        <translation>写出本机的公钥文件，交平台管理员登记</translation>
    </message>
    <message>
        <source>use the platform&apos;s public key file from its administrator</source>
        <translation>设置平台管理员提供的平台公钥文件</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>This PC&apos;s key file was written to {file} (device {device}). Give it to the platform administrator to register.</source>
        <translation>本机公钥文件已写入 {file}（设备 {device}）。请交平台管理员登记。</translation>
    </message>
    <message>
        <source>The platform&apos;s key is set: bundles can now be exported.</source>
        <translation>平台公钥已设置，现在可以导出同步包。</translation>
    </message>
    <message>
        <source>Return bundle applied: {pushed} changes confirmed by the platform, {pulled} received.</source>
        <translation>返回包已导入：平台确认 {pushed} 项更改，接收 {pulled} 项。</translation>
    </message>
    <message>
        <source>This PC&apos;s data came from an older backup: the platform had already received later bundles from it. This PC now has the platform&apos;s records again, and the changes it had not confirmed were sent again (none is counted twice).</source>
        <translation>本机的数据来自较早的备份：平台此前已收到本机更晚的数据包。本机现已按平台的记录恢复最新数据，平台尚未确认的本机变更已重新发送（不会重复记入）。</translation>
    </message>
    <message>
        <source>{count} changes to the branch profile were not included: the platform&apos;s administrator keeps the branch profile, it is never sent from a PC.</source>
        <translation>{count} 项支部信息更改未发送：支部信息由平台管理员维护，不从本机上传。</translation>
    </message>
    <message>
        <source>change the passphrase (also with the recovery code), make a new recovery code</source>
        <translation>更改口令（也可凭恢复码），生成新的恢复码</translation>
    </message>
    <message>
        <source>set a new passphrase; the current passphrase or the recovery code opens the way (the new one from {env} or typed twice)</source>
        <translation>设置新口令，须输入当前口令或恢复码（新口令取自 {env}，或输入两次）</translation>
    </message>
    <message>
        <source>make a new recovery code and show it once; the old code stops working</source>
        <translation>生成新的恢复码并只显示一次；旧恢复码随即失效</translation>
    </message>
    <message>
        <source>Current passphrase or recovery code: </source>
        <translation>当前口令或恢复码：</translation>
    </message>
    <message>
        <source>The passphrase was changed: unlock with the new one from now on.</source>
        <translation>口令已更改，今后请用新口令解锁。</translation>
    </message>
    <message>
        <source>The recovery code still works. If it may have been seen by others, make a new one with &quot;passphrase new-recovery-code&quot;.</source>
        <translation>恢复码仍然有效。如它可能已被他人看到，请用“passphrase new-recovery-code”生成新的恢复码。</translation>
    </message>
    <message>
        <source>New recovery code: {code}</source>
        <translation>新的恢复码：{code}</translation>
    </message>
    <message>
        <source>The old recovery code no longer works. Print or copy the new one and lock it away: it is shown only this once.</source>
        <translation>旧恢复码已失效。请打印或抄下新的恢复码并妥善锁好：它只显示这一次。</translation>
    </message>
    <message>
        <source>The last twelve months: {meetings} meetings ({finalized} with finalized minutes); {months} months of dues with {payments} payments, {arrears} members in arrears, {remittances} remittances; {notices} notice from the platform.</source>
        <translation>近十二个月：{meetings} 次会议（{finalized} 次会议记录已定稿）；{months} 个月的党费，{payments} 笔缴费，{arrears} 名党员欠缴，{remittances} 次上缴；平台通知 {notices} 条。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>BRANCH_CODE</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>PERSON</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>MEETING_ID</source>
        <translation>会议编号</translation>
    </message>
    <message>
        <source>Synchronized: {pushed} changes sent, {pulled} received.</source>
        <translation>同步完成：上传 {pushed} 项更改，接收 {pulled} 项。</translation>
    </message>
    <message>
        <source>{count} changes to records classified 秘密 stay on this PC.</source>
        <translation>{count} 项密级为“秘密”的更改仅保留在本机。</translation>
    </message>
    <message>
        <source>Bundle {sequence} written to {file} and verified: {count} changes. The medium can now be removed safely.</source>
        <translation>第 {sequence} 号同步包已写入 {file} 并校验无误：包含 {count} 项更改。现在可以安全移除存储介质。</translation>
    </message>
    <message>
        <source>The platform was restored from its backup and lost bundles from this PC: this PC continues from the platform&apos;s numbers, and every change the platform has not confirmed goes in the next bundle (none is counted twice, nothing here was deleted). Export a new bundle and take it to the platform.</source>
        <translation>平台已从备份恢复，丢失了本机此前的部分数据包：本机改按平台的编号继续，平台尚未确认的全部变更会放入下一个数据包重新发送（不会重复记入，本机没有删除任何数据）。请导出一个新的数据包交给平台。</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>不是日期（应为YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <source>not a month (YYYY-MM): {text}</source>
        <translation>不是月份（应为YYYY-MM）：{text}</translation>
    </message>
    <message>
        <source>MEMBER</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>the member&apos;s ID number (or record id)</source>
        <translation>党员的公民身份号码（或记录编号）</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>issue a letter of introduction (the member awaits its receipt) and write it as a PDF</source>
        <translation>开具组织关系介绍信（党员转出待接收），写成 PDF 文件</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>the letter&apos;s number (the same on stub, letter and receipt)</source>
        <translation>介绍信编号（存根、介绍信、回执相同）</translation>
    </message>
    <message>
        <source>ORGANIZATION</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>the party organization receiving the member</source>
        <translation>接收该党员的党组织</translation>
    </message>
    <message>
        <source>the letter&apos;s date (default: today)</source>
        <translation>介绍信日期（默认：今天）</translation>
    </message>
    <message>
        <source>MONTH</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>dues paid up to this month, YYYY-MM (default: from the ledger)</source>
        <translation>党费已交到的月份，YYYY-MM（默认：按党费账目）</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>days the letter is valid (default: the setting, at most 90)</source>
        <translation>介绍信有效天数（默认：按设置，最多90天）</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>why the member transfers, e.g. 工作调动</source>
        <translation>转接原因，如：工作调动</translation>
    </message>
    <message>
        <source>write a member&apos;s letter of introduction again as a PDF</source>
        <translation>重新将党员的组织关系介绍信写成 PDF 文件</translation>
    </message>
    <message>
        <source>record that the receipt of the letter came back: the member leaves the roll</source>
        <translation>登记介绍信回执已收回：该党员不再列入在册党员</translation>
    </message>
    <message>
        <source>the day the receipt came back (default: today)</source>
        <translation>回执收回日期（默认：今天）</translation>
    </message>
    <message>
        <source>receive a member with a letter of introduction (a member who left is put back)</source>
        <translation>凭组织关系介绍信接收党员（曾离开本支部的党员恢复在册）</translation>
    </message>
    <message>
        <source>the member&apos;s name</source>
        <translation>党员姓名</translation>
    </message>
    <message>
        <source>ID_NUMBER</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>the member&apos;s ID number</source>
        <translation>党员的身份证号码</translation>
    </message>
    <message>
        <source>the number of the letter received</source>
        <translation>收到的介绍信编号</translation>
    </message>
    <message>
        <source>the party organization that sent the letter</source>
        <translation>开具介绍信的党组织</translation>
    </message>
    <message>
        <source>the day the member was received (default: today)</source>
        <translation>接收日期（默认：今天）</translation>
    </message>
    <message>
        <source>dues paid up to this month as the letter states, YYYY-MM</source>
        <translation>介绍信所注党费交到的月份，YYYY-MM</translation>
    </message>
    <message>
        <source>STANDING</source>
        <translation>正式|预备</translation>
    </message>
    <message>
        <source>full or probationary member: 正式 or 预备 (default: full)</source>
        <translation>正式党员填“正式”，预备党员填“预备”（默认：正式）</translation>
    </message>
    <message>
        <source>the day the branch admitted a probationary member</source>
        <translation>支部大会接收预备党员的日期</translation>
    </message>
    <message>
        <source>Letter of introduction written to {file} ({pages} page(s)).</source>
        <translation>介绍信已写入 {file}（{pages} 页）。</translation>
    </message>
    <message>
        <source>Receipt recorded: {name} has left the roll (transferred out).</source>
        <translation>已登记回执：{name} 已转出，不再列入在册党员。</translation>
    </message>
    <message>
        <source>Letter of introduction {number} issued: {name} is transferred out and awaits the receipt. Written to {file} ({pages} page(s)).</source>
        <translation>已开具组织关系介绍信（{number}）：{name} 转出待接收。介绍信已写入 {file}（{pages} 页）。</translation>
    </message>
    <message>
        <source>Transferred in: {name}.</source>
        <translation>已转入：{name}。</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <source>party dues (党费): reports, reliefs, quarterly payers, categories, settings</source>
        <translation>党费：报表、困难减免、按季交纳、人员类别变更、党费设置</translation>
    </message>
    <message>
        <source>not an amount: {text}</source>
        <translation>不是金额：{text}</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>年-月</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>record a hardship reduction or exemption approved by the branch (art. 7)</source>
        <translation>登记经批准的困难党员少交或免交党费（第七条）</translation>
    </message>
    <message>
        <source>exempt: nothing is owed</source>
        <translation>免交：不计应交党费</translation>
    </message>
    <message>
        <source>AMOUNT</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>reduced to this monthly amount (yuan)</source>
        <translation>少交：每月交纳此金额（元）</translation>
    </message>
    <message>
        <source>COMMITTEE</source>
        <translation>批准组织</translation>
    </message>
    <message>
        <source>the committee that approved it</source>
        <translation>批准的党组织</translation>
    </message>
    <message>
        <source>the date it was approved</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>the first month it covers</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>the last month it covers</source>
        <translation>截止月份</translation>
    </message>
    <message>
        <source>record the branch&apos;s consent that the member pays by the quarter (art. 12)</source>
        <translation>登记经党支部同意按季度交纳党费（第十二条）</translation>
    </message>
    <message>
        <source>the date the branch agreed</source>
        <translation>党支部同意的日期</translation>
    </message>
    <message>
        <source>the first month of the first quarter</source>
        <translation>起始季度的第一个月</translation>
    </message>
    <message>
        <source>the last month of the last quarter (none: until ended)</source>
        <translation>最后一个季度的最后一个月（不填：直至终止）</translation>
    </message>
    <message>
        <source>the member pays monthly again after a quarter (art. 12)</source>
        <translation>某季度之后恢复按月交纳党费（第十二条）</translation>
    </message>
    <message>
        <source>the last month of the last quarter paid by the quarter</source>
        <translation>按季交纳的最后一个季度的最后一个月</translation>
    </message>
    <message>
        <source>change the member&apos;s category of person from a month (the months before keep the former category&apos;s rate)</source>
        <translation>自某月起变更党员的人员类别（此前各月仍按原类别计算）</translation>
    </message>
    <message>
        <source>CATEGORY</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>one of: {choices}</source>
        <translation>可选：{choices}</translation>
    </message>
    <message>
        <source>the first month in the new category</source>
        <translation>按新类别计算的第一个月</translation>
    </message>
    <message>
        <source>show a member&apos;s category changes, quarterly payment and hardship reliefs</source>
        <translation>显示党员的人员类别变更、按季交纳和困难减免</translation>
    </message>
    <message>
        <source>show or change the rounding and the fixed amounts of art. 6 (national defaults)</source>
        <translation>显示或修改取整规则和第六条规定的固定交纳金额（默认为全国标准）</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>UNIT</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>farmers&apos; monthly amount, 0.20 to 1.00 yuan</source>
        <translation>农民党员每月交纳金额，0.20至1.00元</translation>
    </message>
    <message>
        <source>students&apos; monthly amount (national: 0.20)</source>
        <translation>学生党员每月交纳金额（全国标准：0.20）</translation>
    </message>
    <message>
        <source>monthly amount of the unemployed (national: 0.20)</source>
        <translation>下岗失业党员每月交纳金额（全国标准：0.20）</translation>
    </message>
    <message>
        <source>monthly amount of those on relief or 低保 (national: 0.20)</source>
        <translation>依靠抚恤、救济或低保生活的党员每月交纳金额（全国标准：0.20）</translation>
    </message>
    <message>
        <source>Recorded: {relief}</source>
        <translation>已登记：{relief}</translation>
    </message>
    <message>
        <source>Recorded: {consent}</source>
        <translation>已登记：{consent}</translation>
    </message>
    <message>
        <source>The member pays monthly from {month}.</source>
        <translation>自{month}起恢复按月交纳。</translation>
    </message>
    <message>
        <source>No category change, quarterly payment or hardship relief is recorded.</source>
        <translation>未登记人员类别变更、按季交纳或困难减免。</translation>
    </message>
    <message>
        <source>Rounding: {mode}, {precision}. Monthly amounts (art. 6): farmers {farmer}, students {student}, unemployed {unemployed}, on relief or 低保 {relief} yuan.</source>
        <translation>取整：{precision}，{mode}。每月固定金额（第六条）：农民{farmer}元，学生{student}元，下岗失业{unemployed}元，依靠抚恤、救济或低保生活{relief}元。</translation>
    </message>
    <message>
        <source>write a meeting&apos;s sign-in sheet as a PDF (as the window prints it)</source>
        <translation>将会议签到表写成 PDF（与窗口中打印的相同）</translation>
    </message>
    <message>
        <source>The sign-in sheet was not written: the meeting has no start time. Enter it in the window first.</source>
        <translation>未生成签到表：该会议没有开始时间。请先在窗口中填写。</translation>
    </message>
    <message>
        <source>Sign-in sheet written to {file} ({pages} pages).</source>
        <translation>签到表已写入 {file}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>also export secret members (the file is then marked secret on every page)</source>
        <translation>同时导出秘密党员（文件每页标注“秘密”）</translation>
    </message>
    <message>
        <source>Nothing was exported: the roster holds {count} secret members. To export them too (the file is then marked secret on every page), add --include-secret.</source>
        <translation>未导出：花名册中有 {count} 名秘密党员。如需一并导出（文件每页将标注“秘密”），请加 --include-secret。</translation>
    </message>
    <message>
        <source>study record (党员学习教育): the year&apos;s table, import of hours</source>
        <translation>党员学习教育记录：年度学时统计表、导入学时</translation>
    </message>
    <message>
        <source>write the year&apos;s study table (every member&apos;s hours against the target) to a workbook (.xlsx) or a printable PDF (.pdf)</source>
        <translation>将年度学时统计表（每名党员的学时与年度要求对照）写入工作簿，或写成可打印的文件</translation>
    </message>
    <message>
        <source>the year of the table</source>
        <translation>统计表的年度</translation>
    </message>
    <message>
        <source>the file to write (.xlsx, or .pdf to print)</source>
        <translation>要写入的文件：工作簿，或可打印的版式文件（按扩展名区分）</translation>
    </message>
    <message>
        <source>import study hours from a workbook (name or ID number, date, course, hours): all rows or none</source>
        <translation>从工作簿导入学时（姓名或身份证号、日期、课程、学时）：要么全部导入，要么都不导入</translation>
    </message>
    <message>
        <source>the workbook (.xlsx) to read</source>
        <translation>要读取的工作簿</translation>
    </message>
    <message>
        <source>check the file and report, without importing</source>
        <translation>只检查文件并报告，不导入</translation>
    </message>
    <message>
        <source>The study table of {year} ({members} members, {hours} hours; {reached} of {with_target} reached the target) was written to {file}.</source>
        <translation>{year}年度学时统计表（{members}名党员，共{hours}学时；{with_target}名应达标党员中{reached}名已完成）已写入 {file}。</translation>
    </message>
    <message>
        <source>Checked only (--dry-run): nothing was imported.</source>
        <translation>仅作检查（--dry-run）：没有导入任何数据。</translation>
    </message>
    <message>
        <source>democratic appraisal of members (民主评议党员)</source>
        <translation>民主评议党员</translation>
    </message>
    <message>
        <source>write a year&apos;s appraisal result table (every member&apos;s grade and handling) to a workbook, or to a PDF when the file ends in .pdf</source>
        <translation>将某年度民主评议党员结果表（每名党员的评定等次和组织处置）写入工作簿；文件名以 .pdf 结尾时写成 PDF</translation>
    </message>
    <message>
        <source>the year of the appraisal</source>
        <translation>评议年度</translation>
    </message>
    <message>
        <source>the workbook (.xlsx) or PDF to write</source>
        <translation>要写入的工作簿（.xlsx）或 PDF 文件</translation>
    </message>
    <message>
        <source>The appraisal of {year} ({members} members; excellent {excellent}, qualified {qualified}, basically qualified {basic}, unqualified {unqualified}) was written to {file}.</source>
        <translation>{year}年度民主评议党员结果表（{members}人；优秀{excellent}人，合格{qualified}人，基本合格{basic}人，不合格{unqualified}人）已写入 {file}。</translation>
    </message>
    <message>
        <source>members&apos; opinions and suggestions (意见建议)</source>
        <translation>党员意见建议</translation>
    </message>
    <message>
        <source>write a year&apos;s register of opinions and its summary by category and status to a workbook</source>
        <translation>将一年的意见建议登记表及按类别、状态的汇总写入工作簿</translation>
    </message>
    <message>
        <source>the year of the register</source>
        <translation>登记表的年度</translation>
    </message>
    <message>
        <source>The register of opinions of {year} ({count} entries; {handed} reports handed to the discipline committee, counted only) was written to {file}.</source>
        <translation>{year}年度意见建议登记表（{count} 条；移交纪委的检举控告 {handed} 件，只计件数）已写入 {file}。</translation>
    </message>
    <message>
        <source>heart-to-heart talks (谈心谈话) and their coverage</source>
        <translation>谈心谈话记录及覆盖情况</translation>
    </message>
    <message>
        <source>write a year&apos;s talks and the pairs not yet covered (支部工作条例 第19条) to a workbook</source>
        <translation>将某年的谈心谈话记录及尚未谈话的人员（支部工作条例第十九条）写入工作簿</translation>
    </message>
    <message>
        <source>rectification (整改) after organizational life meetings</source>
        <translation>组织生活会整改</translation>
    </message>
    <message>
        <source>write a year&apos;s rectification ledger (整改台账), with the open items of earlier years, to a workbook, or to a printable PDF when the file ends in .pdf</source>
        <translation>将某年的整改台账（含往年结转的未完成事项）写入工作簿；文件名以 .pdf 结尾时生成可打印的 PDF</translation>
    </message>
    <message>
        <source>the workbook (.xlsx) or PDF (.pdf) to write</source>
        <translation>要写入的工作簿（.xlsx）或 PDF（.pdf）</translation>
    </message>
    <message>
        <source>the year of the report</source>
        <translation>报表年度</translation>
    </message>
    <message>
        <source>{count} talks of {year} were written to {file}.</source>
        <translation>{year} 年的 {count} 次谈话记录已写入 {file}。</translation>
    </message>
    <message>
        <source>{missing} of {required} pairs have not talked yet in {year} (支部工作条例 第19条).</source>
        <translation>{year} 年应谈 {required} 对，尚有 {missing} 对未谈话（支部工作条例第十九条）。</translation>
    </message>
    <message>
        <source>The rectification ledger of {year} ({count} items) was written to {file}.</source>
        <translation>{year} 年整改台账（{count} 项）已写入 {file}。</translation>
    </message>
    <message>
        <source>{count} items are past their deadline and not done.</source>
        <translation>{count} 项已过整改时限仍未完成。</translation>
    </message>
    <message>
        <source>party-affairs disclosure (党务公开)</source>
        <translation>党务公开</translation>
    </message>
    <message>
        <source>list the items (id, disclosure period, step, title), latest first</source>
        <translation>列出公开事项（编号、公示期、环节、标题），最新的在前</translation>
    </message>
    <message>
        <source>only the items whose period starts in this year</source>
        <translation>只列公示期始于该年的事项</translation>
    </message>
    <message>
        <source>write an item&apos;s printed notice as a PDF</source>
        <translation>将事项的公示通知写成 PDF</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>the item&apos;s id (&quot;disclosures list&quot; shows it)</source>
        <translation>事项编号（&quot;disclosures list&quot; 可查看）</translation>
    </message>
    <message>
        <source>write the year&apos;s register of items to a workbook</source>
        <translation>将全年党务公开登记表写入工作簿</translation>
    </message>
    <message>
        <source>No disclosure items are recorded.</source>
        <translation>尚无党务公开事项。</translation>
    </message>
    <message>
        <source>There is no disclosure item with the id {id}; &quot;disclosures list&quot; shows the ids.</source>
        <translation>没有编号为 {id} 的公开事项；&quot;disclosures list&quot; 可查看编号。</translation>
    </message>
    <message>
        <source>Notice written to {file} ({pages} pages).</source>
        <translation>公示通知已写入 {file}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>The disclosure register of {year} ({count} items) was written to {file}.</source>
        <translation>{year}年党务公开登记表（{count} 项）已写入 {file}。</translation>
    </message>
    <message>
        <source>not one of {choices}: {text}</source>
        <translation>不是可选值（{choices}）之一：{text}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>write a year&apos;s self-assessment of the branch (党支部年度工作情况: the indicators counted from the records and the sections written) to a PDF</source>
        <translation>将某年度的党支部年度工作情况（由记录统计的考核指标和已填写的各部分）写成可打印的文件</translation>
    </message>
    <message>
        <source>the year assessed</source>
        <translation>考核的年度</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>The self-assessment of {year} ({met} of {counted} indicators met) was written to {file}.</source>
        <translation>{year}年度工作情况（{counted} 项指标中 {met} 项达标）已写入 {file}。</translation>
    </message>
    <message>
        <source>Platform notices: {notices} new; {answers} answers sent. Open them on 工作台 in the window.</source>
        <translation>平台通知：新收到 {notices} 条；已发送 {answers} 条回复。请在窗口的“工作台”中查看。</translation>
    </message>
    <message>
        <source>write the year&apos;s party statistics (党内统计: the tables, the balance check and the gaps) to a workbook (.xlsx) or a printable PDF (.pdf)</source>
        <translation>把某年的党内统计（各统计表、平衡校验和信息缺项）写入工作簿，或写成可打印的文件</translation>
    </message>
    <message>
        <source>the year of the statistics</source>
        <translation>统计年度</translation>
    </message>
    <message>
        <source>the reference date (default: 31 December of the year)</source>
        <translation>统计时点（默认为该年12月31日）</translation>
    </message>
    <message>
        <source>The reference date {date} is not in {year}.</source>
        <translation>统计时点 {date} 不在 {year} 年内。</translation>
    </message>
    <message>
        <source>The statistics of {year} (as of {date}: {members} members) were written to {file}.</source>
        <translation>{year}年党内统计（统计时点 {date}，党员 {members} 名）已写入 {file}。</translation>
    </message>
    <message>
        <source>{count} gaps in the records (counted as not filled in); see the sheet 校验.</source>
        <translation>记录中有 {count} 处信息缺项（已计入“未填”），见“校验”工作表。</translation>
    </message>
    <message>
        <source>The balance check failed for {count} members; see the sheet 校验.</source>
        <translation>平衡校验未通过，涉及 {count} 条记录，见“校验”工作表。</translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Required meetings…</source>
        <translation>要求召开的频次…</translation>
    </message>
    <message>
        <source>✓ held   ✗ missed (the period is over)   ○ still due   blank: not required in this period</source>
        <translation>✓ 已开&#x3000;&#x3000;✗ 未开（该期已结束）&#x3000;&#x3000;○ 待开（该期尚未结束）&#x3000;&#x3000;空白：该期不要求召开</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>✓ held</source>
        <translation>✓ 已开</translation>
    </message>
    <message>
        <source>✗ missed</source>
        <translation>✗ 未开</translation>
    </message>
    <message>
        <source>○ still due</source>
        <translation>○ 待开</translation>
    </message>
    <message>
        <source>{year}: {held} required meetings held, {missed} missed, {due} still due.</source>
        <translation>{year}年：按要求已召开 {held} 次，缺 {missed} 次，尚待召开 {due} 次。</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <source>Conflicts to decide</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>These fields were changed both on this PC and on the platform. Choose for each which value to keep; it is sent to the platform with the next synchronization.</source>
        <translation>以下字段在本机和平台上都被修改过。请逐项选择保留哪个值，所选的值将在下次同步时发送到平台。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value on this PC</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>Value on the platform</source>
        <translation>平台的值</translation>
    </message>
    <message>
        <source>Keep this PC&apos;s value</source>
        <translation>保留本机的值</translation>
    </message>
    <message>
        <source>Keep the platform&apos;s value</source>
        <translation>保留平台的值</translation>
    </message>
    <message>
        <source>Select a conflict first.</source>
        <translation>请先选择一项冲突。</translation>
    </message>
    <message>
        <source>Kept. The value is sent to the platform with the next synchronization.</source>
        <translation>已保留。该值将在下次同步时发送到平台。</translation>
    </message>
</context>
<context>
    <name>ConnectionBox</name>
    <message>
        <source>City platform</source>
        <translation>市级平台</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>使用系统证书</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>CA certificates (PEM):</source>
        <translation>CA 证书（PEM）：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Synchronize automatically every:</source>
        <translation>自动同步间隔：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Enrollment:</source>
        <translation>注册状态：</translation>
    </message>
    <message>
        <source>One-time code from the platform</source>
        <translation>平台发放的一次性注册码</translation>
    </message>
    <message>
        <source>Enroll this PC</source>
        <translation>注册本机</translation>
    </message>
    <message>
        <source>Enrollment code:</source>
        <translation>注册码：</translation>
    </message>
    <message>
        <source>This PC is enrolled with the platform.</source>
        <translation>本机已在平台注册。</translation>
    </message>
    <message>
        <source>Not enrolled yet: enter the one-time code the platform issued.</source>
        <translation>尚未注册：请输入平台发放的一次性注册码。</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All (*)</source>
        <translation>证书文件 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The address {url} starts with http://: the connection is not encrypted, and whoever can watch the network can read the members&apos; data sent over it. Use it only on a closed intranet where the platform offers no https:// address.

Use this unencrypted address?</source>
        <translation>地址 {url} 以 http:// 开头：连接未加密，能监视网络的人可以读取经此发送的党员信息。仅应在平台未提供 https:// 地址的封闭内网中使用。

仍要使用此未加密地址吗？</translation>
    </message>
    <message>
        <source>Use the unencrypted address</source>
        <translation>使用未加密地址</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Enter the server address and the enrollment code.</source>
        <translation>请输入服务器地址和注册码。</translation>
    </message>
    <message>
        <source>Enrolling with the platform…</source>
        <translation>正在向平台注册…</translation>
    </message>
    <message>
        <source>Enrolled for {branch} ({code}).</source>
        <translation>已注册到{branch}（{code}）。</translation>
    </message>
</context>
<context>
    <name>CorrectionReminders</name>
    <message>
        <source>Democratic appraisal: corrections to review</source>
        <translation>民主评议：限期改正到期</translation>
    </message>
    <message>
        <source>Looking for corrections to review…</source>
        <translation>正在查找到期的限期改正…</translation>
    </message>
    <message>
        <source>The corrections could not be listed: {reason}</source>
        <translation>无法列出限期改正：{reason}</translation>
    </message>
    <message>
        <source>{name}: the correction period of {year} ended on {date}; review it</source>
        <translation>{name}：{year}年度民主评议的限期改正已于{date}结束，请研究处理</translation>
    </message>
    <message>
        <source>{name}: the correction period of {year} ends on {date}</source>
        <translation>{name}：{year}年度民主评议的限期改正将于{date}到期</translation>
    </message>
    <message>
        <source>{count} more: see Democratic appraisal.</source>
        <translation>另有{count}人，请见“民主评议”。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Branch</source>
        <translation>本支部</translation>
    </message>
    <message>
        <source>Branch name:</source>
        <translation>支部名称：</translation>
    </message>
    <message>
        <source>Branch code:</source>
        <translation>支部编号：</translation>
    </message>
    <message>
        <source>Higher party organization:</source>
        <translation>上级党组织：</translation>
    </message>
    <message>
        <source>Branch secretary:</source>
        <translation>支部书记：</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒事项</translation>
    </message>
    <message>
        <source>Nothing needs attention at the moment.</source>
        <translation>目前没有需要提醒的事项。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>not filled in, e.g. 2024-03-01</source>
        <translation>未填，如 2024-03-01</translation>
    </message>
    <message>
        <source>Type a date such as 2024-03-01, 2024.3.1 or 20240301; leave it empty if unknown. Up/Down change it by a day, PageUp/PageDown by a month.</source>
        <translation>输入日期，如 2024-03-01、2024.3.1 或 20240301；不清楚的可以不填。上下方向键按天调整，PageUp/PageDown 按月调整。</translation>
    </message>
</context>
<context>
    <name>DevelopmentReminders</name>
    <message>
        <source>Developing new members</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <source>Looking for development deadlines…</source>
        <translation>正在查找发展党员的到期事项…</translation>
    </message>
    <message>
        <source>The development deadlines could not be worked out: {reason}</source>
        <translation>无法查找发展党员的到期事项：{reason}</translation>
    </message>
    <message>
        <source>{name}: {deadline} on {date} ({when})</source>
        <translation>{name}：{deadline}，{date}（{when}）</translation>
    </message>
    <message>
        <source>{count} more: see Members › Development of new members.</source>
        <translation>另有 {count} 项：见 党员 › 发展党员。</translation>
    </message>
</context>
<context>
    <name>DevelopmentTab</name>
    <message>
        <source>next {days} days</source>
        <translation>未来 {days} 天内</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>到期事项</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Applicants, activists, development candidates and probationary members on the roll, by stage, with what falls due: the talk with an applicant (within a month), the half-yearly review of an activist, the committee&apos;s approval and the end of probation. Double-click a name to open the record.</source>
        <translation>按阶段列出在册的入党申请人、入党积极分子、发展对象和预备党员，以及近期到期的事项：与入党申请人谈话（收到申请后一个月内）、入党积极分子半年一次的考察、党委审批和预备期满。双击姓名可打开档案。</translation>
    </message>
    <message>
        <source>Show deadlines due in the:</source>
        <translation>显示到期时间在：</translation>
    </message>
    <message>
        <source>{stage} ({count})</source>
        <translation>{stage}（{count} 人）</translation>
    </message>
    <message>
        <source>nothing due</source>
        <translation>近期无到期事项</translation>
    </message>
    <message>
        <source>{due} deadlines, {overdue} of them overdue</source>
        <translation>共 {due} 项到期事项，其中 {overdue} 项已逾期</translation>
    </message>
</context>
<context>
    <name>DisclosureEditor</name>
    <message>
        <source>Disclosure item</source>
        <translation>党务公开事项</translation>
    </message>
    <message>
        <source>New disclosure item</source>
        <translation>新建公开事项</translation>
    </message>
    <message>
        <source>Which circle (for a specific circle)</source>
        <translation>具体范围（特定范围时填写）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>公开范围</translation>
    </message>
    <message>
        <source>Disclosure period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Where to send objections</source>
        <translation>意见反映方式</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>拟稿人</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the first and the last day of the disclosure period.</source>
        <translation>请填写公示期的起止日期。</translation>
    </message>
    <message>
        <source>Enter who drafted the item.</source>
        <translation>请填写拟稿人。</translation>
    </message>
    <message>
        <source>The title is missing or too long.</source>
        <translation>标题未填写或过长。</translation>
    </message>
    <message>
        <source>The text is missing.</source>
        <translation>内容未填写。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>公示期的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Say which circle the item is disclosed to.</source>
        <translation>请填写公开的具体范围。</translation>
    </message>
</context>
<context>
    <name>DisclosureReminders</name>
    <message>
        <source>Party-affairs disclosure</source>
        <translation>党务公开</translation>
    </message>
    <message>
        <source>The disclosure period of “{title}” ends on {date}.</source>
        <translation>“{title}”的公示期于 {date} 届满，请及时汇总反馈意见。</translation>
    </message>
    <message>
        <source>“{title}” was approved on {date} and is not yet published.</source>
        <translation>“{title}”已于 {date} 审批，尚未发布。</translation>
    </message>
    <message>
        <source>Responses to “{title}” are not yet noted in the member&apos;s record.</source>
        <translation>“{title}”收到的意见尚未记入党员档案。</translation>
    </message>
    <message>
        <source>The party dues collected and used have not been disclosed this year (at least once a year).</source>
        <translation>本年度尚未公开党费收缴使用情况（每年至少公开一次）。</translation>
    </message>
</context>
<context>
    <name>DisclosureTexts</name>
    <message>
        <source>Admission notice</source>
        <translation>发展党员公示</translation>
    </message>
    <message>
        <source>Full-membership notice</source>
        <translation>预备党员转正公示</translation>
    </message>
    <message>
        <source>Dues collected and used</source>
        <translation>党费收缴使用情况</translation>
    </message>
    <message>
        <source>Organizational life held</source>
        <translation>组织生活开展情况</translation>
    </message>
    <message>
        <source>Democratic appraisal results</source>
        <translation>民主评议结果</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Within the party</source>
        <translation>党内</translation>
    </message>
    <message>
        <source>Outside the party / public</source>
        <translation>党外/社会</translation>
    </message>
    <message>
        <source>A specific circle</source>
        <translation>特定范围</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>拟稿</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已公开</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>the member {label}</source>
        <translation>党员“{label}”</translation>
    </message>
    <message>
        <source>the meeting of {label}</source>
        <translation>{label}的会议</translation>
    </message>
    <message>
        <source>this item itself ({label})</source>
        <translation>本事项（{label}）</translation>
    </message>
    <message>
        <source>This item names or derives from a classified (秘密) record: {record}. What is secret is never disclosed; remove it from the item or leave the item unpublished. Nothing was changed.</source>
        <translation>该事项涉及或来源于秘密记录：{record}。涉密内容一律不得公开；请从事项中删去，或不予公开。未做任何更改。</translation>
    </message>
    <message>
        <source>The item is {status} and cannot be {step} now. Nothing was changed.</source>
        <translation>该事项处于“{status}”环节，现在不能{step}。未做任何更改。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DisclosuresPage</name>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>公开范围</translation>
    </message>
    <message>
        <source>Disclosure period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>新建事项…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Notice as PDF…</source>
        <translation>公示通知 PDF…</translation>
    </message>
    <message>
        <source>Record a response…</source>
        <translation>登记反馈意见…</translation>
    </message>
    <message>
        <source>Year&apos;s register (Excel)…</source>
        <translation>年度登记表（Excel）…</translation>
    </message>
    <message>
        <source>Note responses in the member&apos;s record</source>
        <translation>记入党员档案</translation>
    </message>
    <message>
        <source>Responses to an admission or full-membership notice received from the platform become notes on the member&apos;s timeline</source>
        <translation>从平台收到的对发展或转正公示的意见，记入该党员的档案记录</translation>
    </message>
    <message>
        <source>Items of</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Where to send objections: {text}</source>
        <translation>意见反映方式：{text}</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>拟稿</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Responses ({count}):</source>
        <translation>反馈意见（{count} 条）：</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Review includes the secrecy check: nothing secret may be disclosed; also check that the item is necessary and accurate.</source>
        <translation>审核包括保密审查：涉密内容一律不得公开；同时审核公开的必要性和内容的准确性。</translation>
    </message>
    <message>
        <source>Approval by the branch committee, or by the higher committee when the item goes beyond the branch.</source>
        <translation>由支部委员会审批；超出本支部范围的，报上级党组织审批。</translation>
    </message>
    <message>
        <source>Done. The next synchronization sends it to the platform.</source>
        <translation>已完成。下次同步时将发送到平台。</translation>
    </message>
    <message>
        <source>{count} responses noted in the member&apos;s record.</source>
        <translation>已将 {count} 条意见记入党员档案。</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存公示通知</translation>
    </message>
    <message>
        <source>notice.pdf</source>
        <translation>公示通知.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The notice was written to {file}.</source>
        <translation>公示通知已写入 {file}。</translation>
    </message>
    <message>
        <source>Save the register</source>
        <translation>保存登记表</translation>
    </message>
    <message>
        <source>disclosures-{year}.xlsx</source>
        <translation>党务公开登记表-{year}.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} items written to {file}.</source>
        <translation>{count} 项已写入 {file}。</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>党务公开</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>New disclosure item</source>
        <translation>新建公开事项</translation>
    </message>
    <message>
        <source>Admission or full-membership notice of a member</source>
        <translation>发展对象或预备党员转正公示</translation>
    </message>
    <message>
        <source>Dues collected and remitted</source>
        <translation>党费收缴使用情况</translation>
    </message>
    <message>
        <source>Organizational life of a period</source>
        <translation>一段时期的组织生活开展情况</translation>
    </message>
    <message>
        <source>Blank item</source>
        <translation>空白事项</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>第{n}季度</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>No 发展对象 or 预备党员 on the roll.</source>
        <translation>名册中没有发展对象或预备党员。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The draft opens in the editor: check and edit it before review.</source>
        <translation>草稿将在编辑窗口中打开：送审核前请核对并修改。</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>拟稿</translation>
    </message>
    <message>
        <source>Draft from</source>
        <translation>内容来源</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>请选择党员。</translation>
    </message>
    <message>
        <source>Enter the first and the last day.</source>
        <translation>请填写起止日期。</translation>
    </message>
    <message>
        <source>Results of the year&apos;s 民主评议</source>
        <translation>某年度民主评议党员结果</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Records behind: {name}</source>
        <translation>数据明细：{name}</translation>
    </message>
    <message>
        <source>{formula}
Counted: {counted}; value {value}; target {target}.</source>
        <translation>{formula}
计数：{counted}；完成值 {value}；目标 {target}。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>统计为</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DuesBaseModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Last year&apos;s base</source>
        <translation>上年基数</translation>
    </message>
    <message>
        <source>Current base</source>
        <translation>现行基数</translation>
    </message>
    <message>
        <source>New monthly base</source>
        <translation>新月基数</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Not an amount: write it like 4800 or 4800.50.</source>
        <translation>金额写法不对，请写成 4800 或 4800.50 这样。</translation>
    </message>
    <message>
        <source>Fixed amount, no base needed (art. 6)</source>
        <translation>定额交纳，无需基数（第六条）</translation>
    </message>
    <message>
        <source>No base yet</source>
        <translation>尚无基数</translation>
    </message>
    <message>
        <source>Check: {reasons}</source>
        <translation>请核对：{reasons}</translation>
    </message>
</context>
<context>
    <name>DuesImport</name>
    <message>
        <source>the base is not an amount</source>
        <translation>基数不是金额</translation>
    </message>
    <message>
        <source>the base is negative</source>
        <translation>基数为负数</translation>
    </message>
    <message>
        <source>the base has digits below the fen: the payroll must show the real pay</source>
        <translation>基数有分以下的小数：工资表应填写实际发放的金额</translation>
    </message>
    <message>
        <source>no member of the branch has this ID number</source>
        <translation>本支部没有这个身份证号的党员</translation>
    </message>
    <message>
        <source>the name differs from the register; the ID number decides</source>
        <translation>姓名与党员名册不一致，以身份证号为准</translation>
    </message>
    <message>
        <source>this member has left the branch: the row is left out</source>
        <translation>该党员已离开本支部，此行不导入</translation>
    </message>
    <message>
        <source>this person does not pay dues yet (art. 8): the row is left out</source>
        <translation>此人尚不需交纳党费（第八条），此行不导入</translation>
    </message>
    <message>
        <source>this member pays a fixed amount (art. 6): the row is left out</source>
        <translation>该党员按定额交纳（第六条），此行不导入</translation>
    </message>
    <message>
        <source>no sheet has a column for the ID number and one for the base (e.g. 党费基数, 税后工资)</source>
        <translation>没有哪个工作表同时有身份证号列和基数列（如“党费基数”“税后工资”）</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基数</translation>
    </message>
    <message>
        <source>File {file}: {problem}</source>
        <translation>文件 {file}：{problem}</translation>
    </message>
    <message>
        <source>File {file}, sheet {sheet}, row {row}, column {column} ({field}): {problem}</source>
        <translation>文件 {file}，工作表 {sheet}，第 {row} 行，{column} 列（{field}）：{problem}</translation>
    </message>
    <message>
        <source>Note: {line}</source>
        <translation>提醒：{line}</translation>
    </message>
</context>
<context>
    <name>DuesMonthModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应交</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已交</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未交</translation>
    </message>
    <message>
        <source>Paid now</source>
        <translation>本次实交</translation>
    </message>
    <message>
        <source>Of which voluntary</source>
        <translation>其中自愿多交</translation>
    </message>
    <message>
        <source>Paid by (if not self)</source>
        <translation>代交人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Enter the amount paid.</source>
        <translation>请填写实交金额。</translation>
    </message>
    <message>
        <source>Not an amount: write it like 48 or 48.50.</source>
        <translation>金额写法不对，请写成 48 或 48.50 这样。</translation>
    </message>
    <message>
        <source>Enter an amount above 0, or leave it empty.</source>
        <translation>金额须大于 0；未交请留空。</translation>
    </message>
    <message>
        <source>The voluntary part is not an amount.</source>
        <translation>自愿多交的金额写法不对。</translation>
    </message>
    <message>
        <source>The voluntary part is more than the amount paid.</source>
        <translation>自愿多交的金额不能大于实交金额。</translation>
    </message>
    <message>
        <source>paid in full</source>
        <translation>已交清</translation>
    </message>
    <message>
        <source>partial payment</source>
        <translation>部分交纳</translation>
    </message>
    <message>
        <source>{amount} paid ahead for the following months</source>
        <translation>{amount} 元预交以后月份</translation>
    </message>
    <message>
        <source>{amount} more than unpaid: say what it is</source>
        <translation>多出 {amount} 元待定用途</translation>
    </message>
</context>
<context>
    <name>DuesPage</name>
    <message>
        <source>Monthly collection</source>
        <translation>月度收缴</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>基数核定</translation>
    </message>
    <message>
        <source>Remittances</source>
        <translation>上缴记录</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>欠费提醒</translation>
    </message>
</context>
<context>
    <name>DuesSettingsBox</name>
    <message>
        <source>Party dues</source>
        <translation>党费</translation>
    </message>
    <message>
        <source>The regulation sets no rounding: the monthly amount is rounded once, by this rule. Art. 6: farmers pay 0.20 to 1.00 yuan a month (set locally); students, the unemployed and those living on relief or 低保 pay 0.20 yuan. Amounts already recorded do not change.</source>
        <translation>党费规定未规定取整方法：每月应交金额按此规则取整一次。第六条：农民党员每月交纳0.2元至1元（由各地确定）；学生、下岗失业、依靠抚恤或救济生活、领取低保的党员每月交纳0.2元。已生成的应交金额不受影响。</translation>
    </message>
    <message>
        <source>Rounding:</source>
        <translation>取整：</translation>
    </message>
    <message>
        <source>Farmers (yuan a month):</source>
        <translation>农民（元/月）：</translation>
    </message>
    <message>
        <source>Students (yuan a month):</source>
        <translation>学生（元/月）：</translation>
    </message>
    <message>
        <source>Unemployed (yuan a month):</source>
        <translation>下岗失业（元/月）：</translation>
    </message>
    <message>
        <source>On relief or 低保 (yuan a month):</source>
        <translation>依靠抚恤、救济或低保生活（元/月）：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>National defaults</source>
        <translation>恢复全国标准</translation>
    </message>
</context>
<context>
    <name>DuesTexts</name>
    <message>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first}至{last}</translation>
    </message>
    <message>
        <source>A voluntary payment of 1000 yuan or more goes wholly to the centre (art. 11).</source>
        <translation>一次自愿多交1000元以上的，全部上缴中央（第十一条）。</translation>
    </message>
    <message>
        <source>Back payment of more than 6 months (art. 12).</source>
        <translation>补交超过6个月（第十二条）。</translation>
    </message>
    <message>
        <source>Paid on the member&apos;s behalf by a relative or another member.</source>
        <translation>由亲属或其他党员代交。</translation>
    </message>
    <message>
        <source>remit to the centre</source>
        <translation>全额上缴中央</translation>
    </message>
    <message>
        <source>back payment over 6 months</source>
        <translation>补交超过6个月</translation>
    </message>
    <message>
        <source>paid by another</source>
        <translation>他人代交</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Online payment</source>
        <translation>网上交纳</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Back payment of more than 6 months: write the reason in the note (art. 12).</source>
        <translation>补交超过6个月的，须在备注中写明原因（第十二条）。</translation>
    </message>
    <message>
        <source>Not a valid amount.</source>
        <translation>金额不正确。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必须填写。</translation>
    </message>
    <message>
        <source>This payment has already been reversed.</source>
        <translation>这笔交费已经冲销过了。</translation>
    </message>
    <message>
        <source>A reversal cannot be reversed.</source>
        <translation>冲销记录不能再冲销。</translation>
    </message>
    <message>
        <source>Not valid.</source>
        <translation>填写有误。</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Urgent: 5 months</source>
        <translation>紧急：已5个月</translation>
    </message>
    <message>
        <source>6 months or more</source>
        <translation>已满6个月</translation>
    </message>
    <message>
        <source>{name}: {count} consecutive months unpaid ({months})</source>
        <translation>{name}：连续 {count} 个月未交（{months}）</translation>
    </message>
    <message>
        <source>Remind the member to pay.</source>
        <translation>请提醒本人按时交纳</translation>
    </message>
    <message>
        <source>One more unpaid month makes six (art. 13): talk to the member now.</source>
        <translation>再有1个月未交即满6个月（第十三条），请尽快与本人谈话了解情况</translation>
    </message>
    <message>
        <source>Six months or more unpaid (art. 13): the branch looks into it and decides.</source>
        <translation>已连续6个月以上未交（第十三条），请支部调查了解后研究决定</translation>
    </message>
    <message>
        <source>Art. 13 of the 2008 regulation: a member who does not pay dues for six consecutive months without good reason is treated as having left the party of their own accord. BranchDesk only reminds; the branch looks into each case and decides.</source>
        <translation>依据《关于中国共产党党费收缴、使用和管理的规定》第十三条：党员无正当理由连续6个月不交纳党费的，按自行脱党处理。本软件只作提醒，由支部逐一调查了解后研究决定。</translation>
    </message>
    <message>
        <source>No following month can be paid ahead (no base, or the member leaves): correct the amount or record the rest as voluntary dues.</source>
        <translation>以后月份无法预交（无基数或该党员将转出）：请改正金额，或将多出部分记为自愿多交党费。</translation>
    </message>
    <message>
        <source>below {amount} yuan, the lowest plausible wage</source>
        <translation>低于合理工资下限 {amount} 元</translation>
    </message>
    <message>
        <source>above {amount} yuan, the highest plausible base</source>
        <translation>高于合理基数上限 {amount} 元</translation>
    </message>
    <message>
        <source>more than {share}% away from the base in force, {amount} yuan</source>
        <translation>与现行基数 {amount} 元相差超过 {share}%</translation>
    </message>
    <message>
        <source>A month exempted under art. 7 (approved by the branch) is a good reason: it ends a run of unpaid months. A month whose amount came out as 0.00 without an exemption is not unpaid, but it does not end the run either: it is counted through. A member paying by the quarter with the branch&apos;s consent (art. 12) is counted by whole quarters.</source>
        <translation>经批准免交（第七条）的月份属于正当理由，连续未交月数到此中断；未经批准、应交金额为0.00元的月份不算未交，但也不中断连续计算。经党支部同意按季交纳的党员（第十二条）按整季度计算。</translation>
    </message>
    <message>
        <source>pays by the quarter (art. 12): counted by quarters</source>
        <translation>按季交纳（第十二条）：按季度计算</translation>
    </message>
    <message>
        <source>{months} at 0.00: counted through</source>
        <translation>{months}应交0.00元：不中断连续计算</translation>
    </message>
    <message>
        <source>{months} exempted (art. 7): ends the run</source>
        <translation>{months}经批准免交（第七条）：连续计算中断</translation>
    </message>
    <message>
        <source>From {month}: {category} (before: {previous})</source>
        <translation>自{month}起：{category}（此前：{previous}）</translation>
    </message>
    <message>
        <source>The change of category of {month} was withdrawn: the category before it stands.</source>
        <translation>已撤销{month}的人员类别变更，仍按此前的类别计算。</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>少交</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免交</translation>
    </message>
    <message>
        <source>{kind} to {amount} yuan a month</source>
        <translation>{kind}，每月{amount}元</translation>
    </message>
    <message>
        <source>{kind}, {months}; approved by {approver} on {date}</source>
        <translation>{kind}，{months}；{approver}于{date}批准</translation>
    </message>
    <message>
        <source>from {month}</source>
        <translation>自{month}起</translation>
    </message>
    <message>
        <source>By the quarter {months}; agreed by the branch on {date}</source>
        <translation>按季交纳，{months}；党支部于{date}同意</translation>
    </message>
    <message>
        <source>half up</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <source>half to even</source>
        <translation>四舍六入五成双</translation>
    </message>
    <message>
        <source>down</source>
        <translation>舍去</translation>
    </message>
    <message>
        <source>up</source>
        <translation>进位</translation>
    </message>
    <message>
        <source>to the fen (0.01)</source>
        <translation>到分（0.01元）</translation>
    </message>
    <message>
        <source>to the jiao (0.1)</source>
        <translation>到角（0.1元）</translation>
    </message>
    <message>
        <source>to the yuan (1)</source>
        <translation>到元（1元）</translation>
    </message>
    <message>
        <source>The amounts of {months} were already recorded at the former category&apos;s rate: open each of those months under “Monthly collection” and press “Check amounts…” to work them out again.</source>
        <translation>{months}的应交金额已按原类别标准记录：请在“月度收缴”中逐月打开，点击“核对金额…”重新计算。</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <source>What was typed here is not saved. Discard it and close?</source>
        <translation>这里填写的内容尚未保存。放弃修改并关闭吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ElectionReminder</name>
    <message>
        <source>The branch committee&apos;s term ended on {date} ({days} days ago): hold the election (换届), or record its date in Settings › Branch.</source>
        <translation>支部委员会任期已于 {date} 届满（已过 {days} 天）：请按期换届，或在“设置 › 支部”中填写换届日期。</translation>
    </message>
    <message>
        <source>The branch committee&apos;s term ends on {date} (in {days} days): prepare the election (换届) and ask the higher party organization.</source>
        <translation>支部委员会任期将于 {date} 届满（还有 {days} 天）：请做好换届准备，并向上级党组织请示。</translation>
    </message>
    <message>
        <source>Branch committee election</source>
        <translation>支部委员会换届</translation>
    </message>
</context>
<context>
    <name>EndQuarterlyDialog</name>
    <message>
        <source>Pay monthly again</source>
        <translation>恢复按月交纳</translation>
    </message>
    <message>
        <source>Last month paid by the quarter:</source>
        <translation>按季交纳的最后一个月：</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Study of {name}</source>
        <translation>{name}的学习记录</translation>
    </message>
    <message>
        <source>Study entry of {name}</source>
        <translation>{name}的学习记录</translation>
    </message>
    <message>
        <source>e.g. the course or the topic studied</source>
        <translation>如课程名称或学习主题</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <source>Course or topic:</source>
        <translation>课程或主题：</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>学时：</translation>
    </message>
    <message>
        <source>Organizer:</source>
        <translation>组织单位：</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>密级：</translation>
    </message>
    <message>
        <source>Recorded from the meeting&apos;s attendance: date, form and topic follow the meeting. Hours changed here stay as typed.</source>
        <translation>此记录由会议出席情况自动记入：日期、形式和主题随会议而定。在此修改的学时将保持不变。</translation>
    </message>
    <message>
        <source>Opinion or suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Edit the entry</source>
        <translation>修改登记</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Someone else (type the name)</source>
        <translation>其他人（填写姓名）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Add to the record</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>phone, WeChat or address while away</source>
        <translation>外出期间的电话、微信或住址</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback to the proposer</source>
        <translation>向提出人反馈</translation>
    </message>
    <message>
        <source>The day the proposer was told of the answer. An entry from the city platform shows its answer there after the next sync.</source>
        <translation>向提出人反馈办理结果的日期。来自市平台的意见建议，下次同步后答复会显示在平台上。</translation>
    </message>
    <message>
        <source>Told on</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Record a response</source>
        <translation>登记反馈意见</translation>
    </message>
    <message>
        <source>Empty: anonymous</source>
        <translation>不填即为匿名</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Enter the day and what was said.</source>
        <translation>请填写日期和意见内容。</translation>
    </message>
</context>
<context>
    <name>FinalizeQuestion</name>
    <message>
        <source>Finalize minutes</source>
        <translation>会议记录定稿</translation>
    </message>
    <message>
        <source>Finalize these minutes? Afterwards they can no longer be edited; corrections are added as amendments with their own date and author.</source>
        <translation>确定将本会议记录定稿吗？定稿后不能再修改，如需更正，只能另行添加注明日期和更正人的更正记录。</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <source>Forward to a unit</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>After saving, print the transfer slip (转办单) and hand it to the unit with the entry.</source>
        <translation>保存后请打印转办单，连同意见建议交承办单位。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Forwarded on</source>
        <translation>转办日期</translation>
    </message>
</context>
<context>
    <name>FrequenciesDialog</name>
    <message>
        <source>Required meetings</source>
        <translation>要求召开的频次</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>不要求</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>How often the branch must hold each kind of meeting (《中国共产党支部工作条例（试行）》 and local rules). With fewer than 7 full members the branch has no committee: committee meetings are then not required whatever is set here, and are again from 7. A branch without party groups sets those to “not required”.</source>
        <translation>支部必须多久召开一次各类会议（依据《中国共产党支部工作条例（试行）》和本地规定）。正式党员不足 7 名的支部不设支部委员会：此时无论这里如何设置，都不要求召开支委会；达到 7 名后恢复要求。没有党小组的支部将党小组会设为“不要求”。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand a report to the discipline committee</source>
        <translation>移交纪委</translation>
    </message>
    <message>
        <source>the discipline committee (set its contact under Settings of this page)</source>
        <translation>纪委（联系方式请在本页“设置…”中填写）</translation>
    </message>
    <message>
        <source>A report of misconduct (检举、控告) must be kept strictly secret and never reach the person it concerns. The branch does not investigate it.
1. Do not open, copy or note down its content or who made it, here or elsewhere.
2. Seal the original and hand it, with the printed cover slip, to: {where}
3. Record here only the date and the committee&apos;s reference number, if it gives one. This entry is secret (秘密): it is never synced nor put in a bundle.</source>
        <translation>检举、控告材料必须严格保密，不得泄露给被检举人。党支部不调查处理。
1. 不拆阅、不复印，不在本机或其他地方记录其内容和检举人信息。
2. 将原件密封，连同打印的移交单交：{where}
3. 在这里只登记移交日期和纪委受理编号（如有）。本条登记为秘密：不同步，也不写入同步包。</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>移交日期</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>受理编号</translation>
    </message>
</context>
<context>
    <name>HoursImportDialog</name>
    <message>
        <source>Study hours from a workbook</source>
        <translation>从工作簿导入学时</translation>
    </message>
    <message>
        <source>{name}: {date} {topic}, {hours} hours</source>
        <translation>{name}：{date} {topic}，{hours}学时</translation>
    </message>
    <message>
        <source>Correct the file and choose it again: nothing is imported while it has errors.</source>
        <translation>请改正文件后重新选择：文件有错误时不会导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>按“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Rectification item</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>New problem and its rectification</source>
        <translation>新增问题及整改</translation>
    </message>
    <message>
        <source>The branch committee</source>
        <translation>支部委员会</translation>
    </message>
    <message>
        <source>The problem as the meeting found it</source>
        <translation>会上查摆出的问题</translation>
    </message>
    <message>
        <source>What will be done, by when, how</source>
        <translation>整改措施：做什么、怎么做、何时完成</translation>
    </message>
    <message>
        <source>What was done (filled in when done)</source>
        <translation>整改完成情况（完成后填写）</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Organizational life meeting</source>
        <translation>组织生活会</translation>
    </message>
    <message>
        <source>Whose problem</source>
        <translation>问题对象</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <source>Kept encrypted in the database; evidence files stay on this PC.</source>
        <translation>加密保存在数据库中；佐证材料只保存在本机，不上传。</translation>
    </message>
    <message>
        <source>Save the item first, then add its evidence.</source>
        <translation>请先保存本事项，再添加佐证材料。</translation>
    </message>
    <message>
        <source>Enter the deadline, e.g. 2027-03-31.</source>
        <translation>请填写整改时限，如 2027-03-31。</translation>
    </message>
    <message>
        <source>The day it was done is not a date.</source>
        <translation>完成日期不是有效日期。</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>{count} files added.</source>
        <translation>已添加 {count} 个文件。</translation>
    </message>
    <message>
        <source>Adding files…</source>
        <translation>正在添加文件…</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>另存文件副本</translation>
    </message>
    <message>
        <source>Saved a copy as {file}.</source>
        <translation>已另存为 {file}。</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>正在另存副本…</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave the branch</source>
        <translation>离开本支部</translation>
    </message>
    <message>
        <source>the party organization receiving</source>
        <translation>接收组织关系的党组织</translation>
    </message>
    <message>
        <source>The record is kept for history and statistics; the member leaves the list of members on the roll.</source>
        <translation>该党员的档案仍会保留，用于历史记录和统计；其将不再列入在册党员名单。</translation>
    </message>
    <message>
        <source>How</source>
        <translation>离开方式</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Organizational life</source>
        <translation>组织生活</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>党费</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Locked after a period without use.</source>
        <translation>因一段时间未操作，已自动锁定。</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Quit BranchDesk</source>
        <translation>退出支部工作台</translation>
    </message>
    <message>
        <source>The data is locked: to save them, cancel, unlock and save.</source>
        <translation>数据已锁定：如需保存，请点“取消”，解锁后再保存。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save them before quitting?</source>
        <translation>退出前是否保存？</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>These entries are not saved:</source>
        <translation>以下内容尚未保存：</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Study record</source>
        <translation>学习教育</translation>
    </message>
    <message>
        <source>Democratic appraisal</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>组织生活会整改</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>党务公开</translation>
    </message>
</context>
<context>
    <name>MeetingDetailsTab</name>
    <message>
        <source>e.g. 2026-11-20</source>
        <translation>例如 2026-11-20</translation>
    </message>
    <message>
        <source>e.g. 14:30</source>
        <translation>例如 14:30</translation>
    </message>
    <message>
        <source>e.g. 16:00</source>
        <translation>例如 16:00</translation>
    </message>
    <message>
        <source>names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>One topic per line</source>
        <translation>每行一个议题</translation>
    </message>
    <message>
        <source>Who said what, in the order of the meeting</source>
        <translation>按会议进程记录发言人及发言要点</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>会议时间</translation>
    </message>
    <message>
        <source>(choose a party group)</source>
        <translation>（请选择党小组）</translation>
    </message>
</context>
<context>
    <name>MeetingDocuments</name>
    <message>
        <source>{date} {type} {document}.pdf</source>
        <translation>{date}{type}{document}.pdf</translation>
    </message>
    <message>
        <source>Export minutes as PDF</source>
        <translation>导出会议记录PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Minutes exported ({pages} pages): {file}</source>
        <translation>已导出会议记录（共 {pages} 页）：{file}</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>正在生成会议记录…</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在准备文件…</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Meeting</source>
        <translation>会议信息</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Finalize…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <source>Finalized minutes can no longer be edited; corrections are added as amendments.</source>
        <translation>定稿后的会议记录不能再修改，如需更正请添加更正记录。</translation>
    </message>
    <message>
        <source>Add correction…</source>
        <translation>添加更正…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>Meeting minutes (finalized)</source>
        <translation>会议记录（已定稿）</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>These minutes were finalized on {date} and can no longer be edited. To correct something, use “Add correction…”: the correction prints after the minutes.</source>
        <translation>本会议记录已于 {date} 定稿，不能再修改。如需更正，请点击“添加更正…”，更正内容会打印在会议记录之后。</translation>
    </message>
    <message>
        <source>Attendance ({present}/{expected})</source>
        <translation>出席情况（{present}/{expected}）</translation>
    </message>
    <message>
        <source>Please correct the entries marked in red.</source>
        <translation>请修改标红的内容。</translation>
    </message>
    <message>
        <source>Not saved: a reason for absence is missing.</source>
        <translation>未保存：缺少请假或缺席原因。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Finalized: the minutes are now read-only.</source>
        <translation>已定稿，会议记录现为只读。</translation>
    </message>
    <message>
        <source>The correction was added.</source>
        <translation>更正已添加。</translation>
    </message>
    <message>
        <source>Not finalized: the minutes can still be edited.</source>
        <translation>未定稿：会议记录仍可修改。</translation>
    </message>
    <message>
        <source>Problems and rectification…</source>
        <translation>问题清单及整改…</translation>
    </message>
    <message>
        <source>The problems this meeting found and their rectification (整改), on their own page</source>
        <translation>本次会议查摆的问题及整改情况（在“组织生活会整改”页）</translation>
    </message>
</context>
<context>
    <name>MeetingReminders</name>
    <message>
        <source>Organizational life</source>
        <translation>组织生活</translation>
    </message>
    <message>
        <source>{type} ({period}): not held yet, {days} days left</source>
        <translation>{type}（{period}）：尚未召开，还剩 {days} 天</translation>
    </message>
    <message>
        <source>Every required meeting of this period has been held.</source>
        <translation>本期要求召开的会议均已召开。</translation>
    </message>
    <message>
        <source>Missed: {type} ({period})</source>
        <translation>未按要求召开：{type}（{period}）</translation>
    </message>
</context>
<context>
    <name>MeetingTable</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{expected} / {present}</source>
        <translation>{expected} / {present}</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Expected / present</source>
        <translation>应到/实到</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>{year} (whole year)</source>
        <translation>{year}年全年</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>统计</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Search topics or place</source>
        <translation>搜索议题或地点</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export minutes as PDF…</source>
        <translation>导出会议记录PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>签到表…</translation>
    </message>
    <message>
        <source>The sign-in sheet with everyone expected, to print before the meeting</source>
        <translation>列出全部应到人员的签到表，会前打印</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>{count} meetings</source>
        <translation>共 {count} 次会议</translation>
    </message>
    <message>
        <source>This version cannot produce PDF documents yet.</source>
        <translation>此版本尚不能生成 PDF 文件。</translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>first quarter</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <source>second quarter</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <source>third quarter</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <source>fourth quarter</source>
        <translation>第四季度</translation>
    </message>
    <message>
        <source>{quarter} of {year}</source>
        <translation>{year}年{quarter}</translation>
    </message>
    <message>
        <source>No meeting matches the filters.</source>
        <translation>没有符合筛选条件的会议。</translation>
    </message>
    <message>
        <source>No meetings in {year} yet: click “New meeting” to record one.</source>
        <translation>{year}年尚无会议：点击“新建会议”记录一次会议。</translation>
    </message>
</context>
<context>
    <name>MemberDetail</name>
    <message>
        <source>Member record</source>
        <translation>党员档案</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Left the branch</source>
        <translation>离开本支部</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Milestone or event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>大事记</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add to the record…</source>
        <translation>记事…</translation>
    </message>
    <message>
        <source>Leave the branch…</source>
        <translation>离开本支部…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{direction} since {date}: {place}</source>
        <translation>{date}起{direction}：{place}</translation>
    </message>
    <message>
        <source>Lost contact since {date}</source>
        <translation>{date}起失去联系</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>党费</translation>
    </message>
    <message>
        <source>Transfer out…</source>
        <translation>组织关系转出…</translation>
    </message>
    <message>
        <source>Print the letter…</source>
        <translation>打印介绍信…</translation>
    </message>
    <message>
        <source>Receipt returned…</source>
        <translation>回执已收回…</translation>
    </message>
    <message>
        <source>Letter returned unused…</source>
        <translation>介绍信退回…</translation>
    </message>
    <message>
        <source>{origin} (letter {number}, {date}; dues paid up to {month})</source>
        <translation>{origin}（介绍信{number}，{date}；党费已交到 {month}）</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>{days} days, until {date}</source>
        <translation>{days} 天，至 {date}</translation>
    </message>
    <message>
        <source>Awaiting the receipt of the letter</source>
        <translation>转出待接收（回执未收回）</translation>
    </message>
    <message>
        <source>Letter of introduction</source>
        <translation>组织关系介绍信</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在准备文件…</translation>
    </message>
    <message>
        <source>{date} (years of membership: {years}, counted from {since})</source>
        <translation>{date}（党龄 {years} 年，自 {since} 起算）</translation>
    </message>
    <message>
        <source>{date} (discussed after the probation ended; years of membership: {years}, counted from the end of probation, {since})</source>
        <translation>{date}（预备期满后讨论；党龄 {years} 年，自预备期满之日 {since} 起算）</translation>
    </message>
</context>
<context>
    <name>MemberDuesDialog</name>
    <message>
        <source>Dues of {name}</source>
        <translation>{name}的党费</translation>
    </message>
</context>
<context>
    <name>MemberDuesHistory</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应交</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已交</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未交</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>逐月明细</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>交费日期</translation>
    </message>
    <message>
        <source>For</source>
        <translation>所交月份</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Of which voluntary</source>
        <translation>其中自愿多交</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>代交人</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reverse the selected payment…</source>
        <translation>冲销所选交费…</translation>
    </message>
    <message>
        <source>A wrong payment is not edited: it is reversed with a reason, and the right payment is then entered again.</source>
        <translation>录错的交费不直接修改：先写明原因冲销，再重新录入正确的交费。</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>交费记录</translation>
    </message>
    <message>
        <source>Due in total {due} yuan · paid {paid} yuan · unpaid {unpaid} yuan · voluntary {voluntary} yuan</source>
        <translation>应交合计 {due} 元&#x3000;已交合计 {paid} 元&#x3000;未交合计 {unpaid} 元&#x3000;自愿多交 {voluntary} 元</translation>
    </message>
    <message>
        <source>{amount} yuan was paid beyond what the months it named still owed. Check it: reverse the payment and enter it again for the right months.</source>
        <translation>有 {amount} 元超出所交月份的应交金额，请核对：冲销该笔交费后按正确月份重新录入。</translation>
    </message>
    <message>
        <source>paid in full</source>
        <translation>已交清</translation>
    </message>
    <message>
        <source>partly paid</source>
        <translation>部分交纳</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>未交</translation>
    </message>
    <message>
        <source>The payment was reversed.</source>
        <translation>已冲销该笔交费。</translation>
    </message>
    <message>
        <source>{amount} yuan was paid ahead: it is set against the following months once their dues are generated.</source>
        <translation>预交 {amount} 元：以后月份生成应交金额后即予冲抵。</translation>
    </message>
</context>
<context>
    <name>MemberDuesTerms</name>
    <message>
        <source>Terms of payment</source>
        <translation>交纳方式与减免</translation>
    </message>
    <message>
        <source>Change of category…</source>
        <translation>人员类别变更…</translation>
    </message>
    <message>
        <source>Pay by the quarter…</source>
        <translation>按季交纳…</translation>
    </message>
    <message>
        <source>Pay monthly again…</source>
        <translation>恢复按月交纳…</translation>
    </message>
    <message>
        <source>Hardship relief…</source>
        <translation>困难减免…</translation>
    </message>
    <message>
        <source>Monthly, in the category of the member&apos;s record; no relief.</source>
        <translation>按月交纳，按党员信息中的人员类别计算；无减免。</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已登记。</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>New member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>编辑党员信息</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>18 characters; birth date and gender are read from it</source>
        <translation>18位；出生日期和性别将从号码中读取</translation>
    </message>
    <message>
        <source>names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <source>not extended</source>
        <translation>未延长</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Party standing and organization</source>
        <translation>党籍与组织</translation>
    </message>
    <message>
        <source>Stages of development</source>
        <translation>发展党员各阶段</translation>
    </message>
    <message>
        <source>Fields marked in red must be corrected before saving; brown notes are warnings and do not prevent saving. Dates may be left empty when unknown.</source>
        <translation>红色提示的项目须改正后才能保存；棕色提示仅供核对，不影响保存。不清楚的日期可以不填。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Not saved: correct the {count} entries marked in red.</source>
        <translation>未保存：请先改正标红的 {count} 项。</translation>
    </message>
    <message>
        <source>A new category applies to dues from the month it is saved in; the months before keep the former one. For another month: Party dues › the member&apos;s dues › Change of category.</source>
        <translation>新的人员类别自保存当月起用于计算党费，此前各月仍按原类别计算。如需从其他月份起变更：党费 › 双击党员打开其党费明细 › 人员类别变更。</translation>
    </message>
    <message>
        <source>Occupation as the annual party statistics group it; not the category of person used for dues.</source>
        <translation>党内统计所用的职业分类；不同于党费所用的人员类别。</translation>
    </message>
</context>
<context>
    <name>MemberStudyDialog</name>
    <message>
        <source>Study of {name} in {year}</source>
        <translation>{name}的{year}年度学习记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Course or topic</source>
        <translation>课程或主题</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>No study recorded this year: press Add…. Attendance at party lectures and theme days is recorded by itself.</source>
        <translation>本年度尚无学习记录：点击“新增…”录入。出席党课、主题党日的学时会自动记入。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Attach proof…</source>
        <translation>附证明材料…</translation>
    </message>
    <message>
        <source>Save proof as…</source>
        <translation>证明材料另存为…</translation>
    </message>
    <message>
        <source>Not exempt</source>
        <translation>不免除</translation>
    </message>
    <message>
        <source>Exempt from the study targets (art. 23):</source>
        <translation>免于学时要求（第二十三条）：</translation>
    </message>
    <message>
        <source>Entries from meetings follow the attendance: to take one away, mark the member absent in the meeting.</source>
        <translation>由会议记入的学时随出席情况变化：如需去掉，请在该会议中将此党员标为缺席或请假。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{topic} (meeting attended)</source>
        <translation>{topic}（出席会议）</translation>
    </message>
    <message>
        <source>exempt (art. 23)</source>
        <translation>免于要求（第二十三条）</translation>
    </message>
    <message>
        <source>{year}: {total} hours, target {target}.</source>
        <translation>{year}年：共{total}学时，年度要求{target}。</translation>
    </message>
    <message>
        <source>Proof of study</source>
        <translation>学习证明材料</translation>
    </message>
    <message>
        <source>Images and documents (*.png *.jpg *.jpeg *.pdf);;All files (*)</source>
        <translation>图片和文档 (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save proof as</source>
        <translation>证明材料另存为</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>MemberTexts</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Category of person</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Party standing</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Branch post</source>
        <translation>支部职务</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Application date</source>
        <translation>申请入党日期</translation>
    </message>
    <message>
        <source>Talk date</source>
        <translation>谈话日期</translation>
    </message>
    <message>
        <source>Activist since</source>
        <translation>确定为入党积极分子日期</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>培养联系人</translation>
    </message>
    <message>
        <source>Last review</source>
        <translation>最近一次考察日期</translation>
    </message>
    <message>
        <source>Candidate since</source>
        <translation>列为发展对象日期</translation>
    </message>
    <message>
        <source>Training hours</source>
        <translation>培训学时</translation>
    </message>
    <message>
        <source>Sponsors</source>
        <translation>入党介绍人</translation>
    </message>
    <message>
        <source>Admission date</source>
        <translation>接收为预备党员日期</translation>
    </message>
    <message>
        <source>Approval date</source>
        <translation>党委审批日期</translation>
    </message>
    <message>
        <source>Probation extended (months)</source>
        <translation>延长预备期（月）</translation>
    </message>
    <message>
        <source>Full membership date</source>
        <translation>转为正式党员日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date left</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转往单位</translation>
    </message>
    <message>
        <source>Letter of introduction no.</source>
        <translation>介绍信编号</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Development milestones</source>
        <translation>发展党员各阶段日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>晚于今天</translation>
    </message>
    <message>
        <source>is before the date of birth</source>
        <translation>早于出生日期</translation>
    </message>
    <message>
        <source>is not in the national code table</source>
        <translation>不在国家标准代码表中</translation>
    </message>
    <message>
        <source>does not look like a phone number</source>
        <translation>不像是电话号码</translation>
    </message>
    <message>
        <source>is needed for this party standing</source>
        <translation>该党籍状态须填写此项</translation>
    </message>
    <message>
        <source>another member in the register has this ID number</source>
        <translation>花名册中已有另一名党员使用此号码</translation>
    </message>
    <message>
        <source>no such party group</source>
        <translation>没有这个党小组</translation>
    </message>
    <message>
        <source>choose how the member left</source>
        <translation>请选择离开方式</translation>
    </message>
    <message>
        <source>the member has already left</source>
        <translation>该党员已离开本支部</translation>
    </message>
    <message>
        <source>use &apos;leave the branch&apos; or &apos;transfer in&apos; for this</source>
        <translation>请使用“离开本支部”或“转入”办理</translation>
    </message>
    <message>
        <source>must have 18 characters (or the old 15)</source>
        <translation>应为18位（或旧的15位）</translation>
    </message>
    <message>
        <source>may contain only digits and a final X</source>
        <translation>只能包含数字和末位的X</translation>
    </message>
    <message>
        <source>the last character does not match: a digit is probably mistyped</source>
        <translation>校验位不符，可能有数字输入错误</translation>
    </message>
    <message>
        <source>contains a date that does not exist</source>
        <translation>包含一个不存在的日期</translation>
    </message>
    <message>
        <source>contains a date in the future</source>
        <translation>包含一个晚于今天的日期</translation>
    </message>
    <message>
        <source>contains a date before 1900</source>
        <translation>包含一个早于1900年的日期</translation>
    </message>
    <message>
        <source>starts with an unknown area code</source>
        <translation>开头的地区代码不存在</translation>
    </message>
    <message>
        <source>is not in the format of this document</source>
        <translation>不符合该证件的号码格式</translation>
    </message>
    <message>
        <source>differs from the date of birth in the ID number</source>
        <translation>与身份证号码中的出生日期不一致</translation>
    </message>
    <message>
        <source>differs from the gender in the ID number</source>
        <translation>与身份证号码中的性别不一致</translation>
    </message>
    <message>
        <source>was stored as a number by Excel and its last digits are lost: type it again as text</source>
        <translation>被Excel存成了数字，末几位已丢失：请以文本格式重新输入</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is not one of the allowed values</source>
        <translation>不是允许的取值</translation>
    </message>
    <message>
        <source>an earlier development step has no date</source>
        <translation>前一发展阶段没有日期</translation>
    </message>
    <message>
        <source>is before the previous development step</source>
        <translation>早于前一发展阶段</translation>
    </message>
    <message>
        <source>the applicant was under 18</source>
        <translation>申请入党时未满18周岁</translation>
    </message>
    <message>
        <source>no talk with the applicant is recorded</source>
        <translation>没有与申请人谈话的记录</translation>
    </message>
    <message>
        <source>the talk was more than one month after the application</source>
        <translation>谈话晚于收到申请后一个月</translation>
    </message>
    <message>
        <source>no contact person is recorded</source>
        <translation>没有培养联系人的记录</translation>
    </message>
    <message>
        <source>at most two contact persons</source>
        <translation>培养联系人最多两名</translation>
    </message>
    <message>
        <source>less than one year as an activist</source>
        <translation>确定为积极分子不满一年</translation>
    </message>
    <message>
        <source>the half-yearly review is overdue</source>
        <translation>半年一次的考察已逾期</translation>
    </message>
    <message>
        <source>no candidate training is recorded</source>
        <translation>没有发展对象培训的记录</translation>
    </message>
    <message>
        <source>training shorter than 3 days or 24 hours</source>
        <translation>培训不足3天或24学时</translation>
    </message>
    <message>
        <source>no sponsors are recorded</source>
        <translation>没有入党介绍人的记录</translation>
    </message>
    <message>
        <source>two full members act as sponsors</source>
        <translation>应由两名正式党员作入党介绍人</translation>
    </message>
    <message>
        <source>the vote of the branch meeting is missing</source>
        <translation>缺少支部党员大会表决结果</translation>
    </message>
    <message>
        <source>fewer than half of the voting members were present</source>
        <translation>到会有表决权的党员未超过半数</translation>
    </message>
    <message>
        <source>votes in favour were not more than half of the voting members</source>
        <translation>赞成票未超过应到会有表决权的正式党员的半数</translation>
    </message>
    <message>
        <source>the committee&apos;s approval is missing</source>
        <translation>缺少党委审批</translation>
    </message>
    <message>
        <source>approved more than 3 months after the branch meeting</source>
        <translation>党委审批超过支部大会后3个月</translation>
    </message>
    <message>
        <source>approved more than 6 months after the branch meeting</source>
        <translation>党委审批超过支部大会后6个月</translation>
    </message>
    <message>
        <source>before the end of the probation year</source>
        <translation>早于预备期满</translation>
    </message>
    <message>
        <source>an extension is 6 to 12 months</source>
        <translation>延长预备期应为6至12个月</translation>
    </message>
    <message>
        <source>probation can be extended only once</source>
        <translation>预备期只能延长一次</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Residence permit for HK, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Mainland travel permit (HK/Macao)</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Mainland travel permit (Taiwan)</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>入党申请人</translation>
    </message>
    <message>
        <source>Activist</source>
        <translation>入党积极分子</translation>
    </message>
    <message>
        <source>Development candidate</source>
        <translation>发展对象</translation>
    </message>
    <message>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <source>On the roll</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>已转出</translation>
    </message>
    <message>
        <source>Membership stopped</source>
        <translation>停止党籍</translation>
    </message>
    <message>
        <source>Left the Party</source>
        <translation>出党</translation>
    </message>
    <message>
        <source>Struck off</source>
        <translation>除名</translation>
    </message>
    <message>
        <source>Expelled</source>
        <translation>开除党籍</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已去世</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <source>Deputy secretary</source>
        <translation>副书记</translation>
    </message>
    <message>
        <source>Organization member</source>
        <translation>组织委员</translation>
    </message>
    <message>
        <source>Publicity member</source>
        <translation>宣传委员</translation>
    </message>
    <message>
        <source>Discipline member</source>
        <translation>纪检委员</translation>
    </message>
    <message>
        <source>Youth member</source>
        <translation>青年委员</translation>
    </message>
    <message>
        <source>Women&apos;s member</source>
        <translation>妇女委员</translation>
    </message>
    <message>
        <source>Committee member</source>
        <translation>委员</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>In work</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>离退休</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>农民</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>No fixed occupation</source>
        <translation>无固定职业</translation>
    </message>
    <message>
        <source>Living on relief</source>
        <translation>依靠抚恤或救济生活</translation>
    </message>
    <message>
        <source>Minimum living allowance</source>
        <translation>领取最低生活保障金</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not flowing</source>
        <translation>非流动党员</translation>
    </message>
    <message>
        <source>Flowing out</source>
        <translation>流出</translation>
    </message>
    <message>
        <source>Flowing in</source>
        <translation>流入</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Disciplinary action</source>
        <translation>处分</translation>
    </message>
    <message>
        <source>Went away (flowing member)</source>
        <translation>外出流动</translation>
    </message>
    <message>
        <source>Came in (flowing member)</source>
        <translation>流入本支部</translation>
    </message>
    <message>
        <source>Flowing ended</source>
        <translation>流动结束</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失去联系</translation>
    </message>
    <message>
        <source>Contact restored</source>
        <translation>恢复联系</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Left the branch</source>
        <translation>离开本支部</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记事</translation>
    </message>
    <message>
        <source>Talk with the applicant due</source>
        <translation>应与申请人谈话</translation>
    </message>
    <message>
        <source>Half-yearly review due</source>
        <translation>应进行半年考察</translation>
    </message>
    <message>
        <source>Committee approval due</source>
        <translation>应报党委审批</translation>
    </message>
    <message>
        <source>Probation ends</source>
        <translation>预备期满</translation>
    </message>
    <message>
        <source>is before {field}</source>
        <translation>早于{field}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Flowing member</source>
        <translation>流动情况</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>收到入党申请书</translation>
    </message>
    <message>
        <source>Talk with the applicant</source>
        <translation>与入党申请人谈话</translation>
    </message>
    <message>
        <source>Became an activist</source>
        <translation>确定为入党积极分子</translation>
    </message>
    <message>
        <source>Became a development candidate</source>
        <translation>列为发展对象</translation>
    </message>
    <message>
        <source>Admitted as probationary member</source>
        <translation>支部大会接收为预备党员</translation>
    </message>
    <message>
        <source>Admission approved by the committee</source>
        <translation>党委审批</translation>
    </message>
    <message>
        <source>Became a full member</source>
        <translation>转为正式党员</translation>
    </message>
    <message>
        <source>Meeting type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>会议地点</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>会议议题</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Minutes taken by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>授课人</translation>
    </message>
    <message>
        <source>Attending without membership</source>
        <translation>列席人员</translation>
    </message>
    <message>
        <source>Discussion record</source>
        <translation>讨论记录</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>会议决议</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>请假/缺席原因</translation>
    </message>
    <message>
        <source>Matter voted on</source>
        <translation>表决事项</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>is not a time such as 14:30</source>
        <translation>不是有效时间，应写作 14:30 这样的格式</translation>
    </message>
    <message>
        <source>votes are recorded only at a branch members&apos; assembly</source>
        <translation>只有支部党员大会才能记录表决</translation>
    </message>
    <message>
        <source>is larger than 20 MB</source>
        <translation>超过 20 MB</translation>
    </message>
    <message>
        <source>the minutes are not finalized yet: edit them instead</source>
        <translation>会议记录尚未定稿，请直接修改</translation>
    </message>
    <message>
        <source>a count cannot be negative</source>
        <translation>人数不能为负数</translation>
    </message>
    <message>
        <source>more present than entitled to vote</source>
        <translation>到会人数多于有表决权人数</translation>
    </message>
    <message>
        <source>the result does not match the counts</source>
        <translation>表决结果与票数不符</translation>
    </message>
    <message>
        <source>Branch members&apos; assembly</source>
        <translation>支部党员大会</translation>
    </message>
    <message>
        <source>Branch committee meeting</source>
        <translation>支部委员会会议</translation>
    </message>
    <message>
        <source>Party group meeting</source>
        <translation>党小组会</translation>
    </message>
    <message>
        <source>Party lecture</source>
        <translation>党课</translation>
    </message>
    <message>
        <source>Theme Party Day</source>
        <translation>主题党日</translation>
    </message>
    <message>
        <source>Organizational life meeting</source>
        <translation>组织生活会</translation>
    </message>
    <message>
        <source>Democratic appraisal of members</source>
        <translation>民主评议党员</translation>
    </message>
    <message>
        <source>Other meeting</source>
        <translation>其他会议</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>overlaps another approved hardship relief of this member</source>
        <translation>与该党员已批准的另一项减免期间重叠</translation>
    </message>
    <message>
        <source>Date of the letter</source>
        <translation>介绍信日期</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>有效期（天）</translation>
    </message>
    <message>
        <source>Dues paid up to</source>
        <translation>党费已交到</translation>
    </message>
    <message>
        <source>Receipt returned on</source>
        <translation>回执收回日期</translation>
    </message>
    <message>
        <source>Transferred in on</source>
        <translation>转入日期</translation>
    </message>
    <message>
        <source>Transferred from</source>
        <translation>原所在党组织</translation>
    </message>
    <message>
        <source>Letter received, no.</source>
        <translation>转入介绍信编号</translation>
    </message>
    <message>
        <source>Contact while away</source>
        <translation>外出期间联系方式</translation>
    </message>
    <message>
        <source>Flowing member card no.</source>
        <translation>流动党员活动证编号</translation>
    </message>
    <message>
        <source>Dues paid up to (letter in)</source>
        <translation>党费交至（转入介绍信）</translation>
    </message>
    <message>
        <source>Flowing since</source>
        <translation>外出流动日期</translation>
    </message>
    <message>
        <source>a letter of introduction is out for this member: record its receipt or its return first</source>
        <translation>该党员已开具组织关系介绍信：请先登记回执或介绍信退回</translation>
    </message>
    <message>
        <source>only probationary and full members have a membership to transfer</source>
        <translation>只有预备党员和正式党员才能转接组织关系</translation>
    </message>
    <message>
        <source>differs from what this branch&apos;s dues ledger shows</source>
        <translation>与本支部党费账目不一致</translation>
    </message>
    <message>
        <source>no letter of introduction of this member awaits its receipt</source>
        <translation>该党员没有待收回回执的介绍信</translation>
    </message>
    <message>
        <source>is before the date of the letter</source>
        <translation>早于介绍信日期</translation>
    </message>
    <message>
        <source>this member is already on the roll</source>
        <translation>该党员已在本支部名册中</translation>
    </message>
    <message>
        <source>the member has no letter of introduction to print</source>
        <translation>该党员没有可打印的介绍信</translation>
    </message>
    <message>
        <source>is not a month such as 2025-05</source>
        <translation>不是月份（如 2025-05）</translation>
    </message>
    <message>
        <source>Transferred out, awaiting receipt</source>
        <translation>转出待接收</translation>
    </message>
    <message>
        <source>Letter of introduction issued</source>
        <translation>开具组织关系介绍信</translation>
    </message>
    <message>
        <source>Receipt of the letter returned</source>
        <translation>介绍信回执收回</translation>
    </message>
    <message>
        <source>Letter of introduction returned unused</source>
        <translation>介绍信退回（未使用）</translation>
    </message>
    <message>
        <source>Dues are owed here from {month}.</source>
        <translation>自 {month} 起在本支部交纳党费。</translation>
    </message>
    <message>
        <source>The letter does not say up to which month dues are paid: they are owed here from the month of the transfer.</source>
        <translation>介绍信未注明党费交到何时：自转入当月起在本支部交纳。</translation>
    </message>
    <message>
        <source>{months} not paid at the former branch: owed here (back payment is limited to 6 months, 第十二条).</source>
        <translation>{months} 在原支部未交：应在本支部补交（补交一般不超过6个月，第十二条）。</translation>
    </message>
    <message>
        <source>{months} charged by no branch: check the letter or the setting of the month dues start.</source>
        <translation>{months} 无支部收缴：请核对介绍信或党费起交月份的设置。</translation>
    </message>
    <message>
        <source>{months} paid at the former branch and charged again here.</source>
        <translation>{months} 已在原支部交纳，本支部将重复收缴。</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>To month</source>
        <translation>截止月份</translation>
    </message>
    <message>
        <source>Farmers&apos; monthly amount</source>
        <translation>农民党员每月金额</translation>
    </message>
    <message>
        <source>Students&apos; monthly amount</source>
        <translation>学生党员每月金额</translation>
    </message>
    <message>
        <source>Unemployed members&apos; monthly amount</source>
        <translation>下岗失业党员每月金额</translation>
    </message>
    <message>
        <source>Monthly amount of members on relief</source>
        <translation>依靠抚恤、救济或低保生活的党员每月金额</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>取整</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准组织</translation>
    </message>
    <message>
        <source>Reduced monthly amount</source>
        <translation>少交后每月金额</translation>
    </message>
    <message>
        <source>overlaps another consent of this member to pay by the quarter</source>
        <translation>与该党员已登记的按季交纳期间重叠</translation>
    </message>
    <message>
        <source>must be the first month of a quarter (January, April, July, October)</source>
        <translation>应为季度的第一个月（1月、4月、7月、10月）</translation>
    </message>
    <message>
        <source>must be the last month of a quarter (March, June, September, December)</source>
        <translation>应为季度的最后一个月（3月、6月、9月、12月）</translation>
    </message>
    <message>
        <source>is before the first month</source>
        <translation>早于起始月份</translation>
    </message>
    <message>
        <source>is already the member&apos;s category in that month</source>
        <translation>该月已是此类别</translation>
    </message>
    <message>
        <source>must be 0.20 to 1.00 yuan in whole fen (art. 6)</source>
        <translation>应为0.20至1.00元，精确到分（第六条）</translation>
    </message>
    <message>
        <source>must be 0.01 to 1.00 yuan in whole fen (art. 6)</source>
        <translation>应为0.01至1.00元，精确到分（第六条）</translation>
    </message>
    <message>
        <source>no consent to pay by the quarter covers this month</source>
        <translation>该月不在任何按季交纳期间内</translation>
    </message>
    <message>
        <source>no member in the register has it</source>
        <translation>党员名册中没有此号码</translation>
    </message>
    <message>
        <source>is not a valid amount</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <source>a residence permit number starts with 810000, 820000 or 830000; a foreigner&apos;s permanent residence ID card number starts with 9</source>
        <translation>港澳台居民居住证号码以 810000、820000 或 830000 开头；外国人永久居留身份证号码以 9 开头</translation>
    </message>
    <message>
        <source>starts with 81, 82 or 83: this is the number of a residence permit for HK, Macao and Taiwan residents; choose that ID document</source>
        <translation>以 81、82 或 83 开头：这是港澳台居民居住证号码，请选择该证件类型</translation>
    </message>
    <message>
        <source>starts with 9: this is the number of a foreigner&apos;s permanent residence ID card; choose that ID document</source>
        <translation>以 9 开头：这是外国人永久居留身份证号码，请选择该证件类型</translation>
    </message>
    <message>
        <source>discussed after the probation ended: the branch should discuss it on time; the years of membership still count from the end of probation</source>
        <translation>预备期满后才讨论转正：支部应在预备期满时及时讨论；党龄仍从预备期满之日算起</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Probation ended, full membership not yet discussed</source>
        <translation>预备期已满，尚未讨论转正</translation>
    </message>
    <message>
        <source>Person decided on</source>
        <translation>表决对象</translation>
    </message>
    <message>
        <source>more votes than voting members present or with a written opinion</source>
        <translation>票数多于到会及提交书面意见的有表决权党员人数</translation>
    </message>
    <message>
        <source>more written opinions than voting members absent</source>
        <translation>书面意见多于缺席的有表决权党员人数</translation>
    </message>
    <message>
        <source>is not on the register</source>
        <translation>不在党员名册中</translation>
    </message>
    <message>
        <source>Absent, written opinion</source>
        <translation>缺席（书面意见）</translation>
    </message>
    <message>
        <source>Admission as probationary member</source>
        <translation>接收预备党员</translation>
    </message>
    <message>
        <source>Full membership</source>
        <translation>预备党员转正</translation>
    </message>
    <message>
        <source>Extension of probation</source>
        <translation>延长预备期</translation>
    </message>
    <message>
        <source>Cancellation of probationary membership</source>
        <translation>取消预备党员资格</translation>
    </message>
    <message>
        <source>Other branch (term of 3 years)</source>
        <translation>其他党支部（每届 3 年）</translation>
    </message>
    <message>
        <source>Village branch (term of 5 years)</source>
        <translation>村党支部（每届 5 年）</translation>
    </message>
    <message>
        <source>Community branch (term of 5 years)</source>
        <translation>社区党支部（每届 5 年）</translation>
    </message>
    <message>
        <source>Democratic appraisal</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Date forwarded</source>
        <translation>转办日期</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复意见</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Date answered</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Reason for not adopting</source>
        <translation>不予采纳理由</translation>
    </message>
    <message>
        <source>Date of feedback</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Discipline committee contact</source>
        <translation>纪委联系方式</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>is before the date received</source>
        <translation>早于收到日期</translation>
    </message>
    <message>
        <source>is before the date answered</source>
        <translation>早于答复日期</translation>
    </message>
    <message>
        <source>record the answer first</source>
        <translation>请先登记答复</translation>
    </message>
    <message>
        <source>forward the entry to a unit first</source>
        <translation>请先转办</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Whose problem</source>
        <translation>问题对象</translation>
    </message>
    <message>
        <source>is not an organizational life meeting</source>
        <translation>不是组织生活会</translation>
    </message>
    <message>
        <source>choose an organizational life meeting</source>
        <translation>请选择一次组织生活会</translation>
    </message>
    <message>
        <source>only a done item has a completion date</source>
        <translation>只有已完成的事项才有完成日期</translation>
    </message>
    <message>
        <source>a member is no longer on the list</source>
        <translation>有人员已不在名单中</translation>
    </message>
    <message>
        <source>People in the talk</source>
        <translation>谈话人员</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>choose at least two people (a talk is between people)</source>
        <translation>请至少选择两人（谈心谈话在两人或多人之间进行）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>no 民主评议 grade is recorded for it</source>
        <translation>该年度没有已评定等次的民主评议记录</translation>
    </message>
    <message>
        <source>is neither a 发展对象 nor a 预备党员</source>
        <translation>既不是发展对象，也不是预备党员</translation>
    </message>
    <message>
        <source>Basic situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Main work and results</source>
        <translation>主要工作和成效</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <source>Plans for next year</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>in {days} days</source>
        <translation>还有 {days} 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>党员名册</translation>
    </message>
    <message>
        <source>Development of new members</source>
        <translation>发展党员</translation>
    </message>
    <message>
        <source>Party groups</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Search name, ID number, phone or work unit</source>
        <translation>搜索姓名、身份证号码、电话或工作单位</translation>
    </message>
    <message>
        <source>On the roll</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部党籍状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部人员类别</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Leave the branch…</source>
        <translation>离开本支部…</translation>
    </message>
    <message>
        <source>Add to the record…</source>
        <translation>记事…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Export roster…</source>
        <translation>导出花名册…</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>党籍状态：</translation>
    </message>
    <message>
        <source>Party group:</source>
        <translation>党小组：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>人员类别：</translation>
    </message>
    <message>
        <source>All party groups</source>
        <translation>全部党小组</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>{count} members imported.</source>
        <translation>已导入 {count} 名党员。</translation>
    </message>
    <message>
        <source>No member matches the search and the filters.</source>
        <translation>没有符合搜索和筛选条件的党员。</translation>
    </message>
    <message>
        <source>No members yet: click “New member”, or “Import roster…” to read a roster workbook.</source>
        <translation>尚无党员：点击“新增党员”，或点击“导入花名册…”读入花名册工作簿。</translation>
    </message>
    <message>
        <source>Awaiting receipt</source>
        <translation>转出待接收</translation>
    </message>
    <message>
        <source>Transfer in…</source>
        <translation>组织关系转入…</translation>
    </message>
    <message>
        <source>Flowing:</source>
        <translation>流动：</translation>
    </message>
    <message>
        <source>On the roll: {active}, of whom {out} flowing out and {into} flowing in; transferred out and awaiting receipt: {pending}.</source>
        <translation>在册 {active} 人，其中流出 {out} 人、流入 {into} 人；转出待接收 {pending} 人。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please wait {seconds} seconds before trying again.</source>
        <translation>请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>The passphrase is wrong.</source>
        <translation>口令不正确。</translation>
    </message>
    <message>
        <source>The recovery code is wrong.</source>
        <translation>恢复码不正确。</translation>
    </message>
    <message>
        <source>Too many wrong attempts.</source>
        <translation>错误次数过多。</translation>
    </message>
    <message>
        <source>The passphrase must be at least {n} characters long.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>There is no BranchDesk database in {folder}. Set one up first.</source>
        <translation>{folder} 中没有 BranchDesk 数据库，请先进行初始设置。</translation>
    </message>
    <message>
        <source>A BranchDesk database already exists in {folder}; it was left unchanged.</source>
        <translation>{folder} 中已有 BranchDesk 数据库，未做任何改动。</translation>
    </message>
    <message>
        <source>The key file of the database is missing. Restore the data folder from a backup.</source>
        <translation>数据库的密钥文件缺失，请从备份恢复数据文件夹。</translation>
    </message>
    <message>
        <source>The key file of the database is damaged. Restore the data folder from a backup.</source>
        <translation>数据库的密钥文件已损坏，请从备份恢复数据文件夹。</translation>
    </message>
    <message>
        <source>The database is locked. Unlock it first.</source>
        <translation>数据已锁定，请先解锁。</translation>
    </message>
    <message>
        <source>This database was used by a newer version of BranchDesk. Install the newer version to open it.</source>
        <translation>此数据库已被更高版本的 BranchDesk 使用过，请安装该版本后再打开。</translation>
    </message>
    <message>
        <source>This computer&apos;s credential store cannot be used. Enter the passphrase each time instead.</source>
        <translation>无法使用本机的凭据存储，请每次打开时输入口令。</translation>
    </message>
    <message>
        <source>{file} is not a BranchDesk backup file. Nothing was changed.</source>
        <translation>{file} 不是 BranchDesk 的备份文件。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} is damaged or incomplete. Nothing was changed.</source>
        <translation>备份文件 {file} 已损坏或不完整。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} belongs to another branch&apos;s database. Nothing was changed.</source>
        <translation>备份文件 {file} 属于其他支部的数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>the file or folder does not exist.</source>
        <translation>文件或文件夹不存在。</translation>
    </message>
    <message>
        <source>permission denied.</source>
        <translation>没有访问权限。</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>磁盘空间已满。</translation>
    </message>
    <message>
        <source>it is a folder, not a file.</source>
        <translation>这是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Cannot use the file {file}: {reason}</source>
        <translation>无法使用文件 {file}：{reason}</translation>
    </message>
    <message>
        <source>read or write error.</source>
        <translation>读写出错。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消。未做任何更改。</translation>
    </message>
    <message>
        <source>Some entries are not valid: {fields}</source>
        <translation>部分内容填写有误：{fields}</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>操作失败。</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Details were written to the log file.</source>
        <translation>发生意外错误，详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>{problem} {advice}</source>
        <translation>{problem}{advice}</translation>
    </message>
    <message>
        <source>{file} has no roster sheet: no row names the columns (姓名, 身份证号…). Nothing was imported.</source>
        <translation>{file} 中没有花名册工作表：找不到标明各列（姓名、身份证号等）的表头行。未导入任何数据。</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx). Nothing was imported.</source>
        <translation>{file} 不是 Excel 工作簿（.xlsx）。未导入任何数据。</translation>
    </message>
    <message>
        <source>The document was not created: its font cannot print these characters: {characters}. Write them in a common form (for example in pinyin) and add the exact characters by hand on the printed copy.</source>
        <translation>文档未生成：字体中没有以下字符，无法打印：{characters}。请改用常用写法（例如拼音），并在打印件上手写正确的字。</translation>
    </message>
    <message>
        <source>Enter the passphrase first.</source>
        <translation>请先输入口令。</translation>
    </message>
    <message>
        <source>These minutes were finalized on {date} and can no longer be changed. Add a correction instead.</source>
        <translation>本会议记录已于 {date} 定稿，不能再修改。如需更正，请添加更正记录。</translation>
    </message>
    <message>
        <source>The record no longer exists. Refresh the list and try again.</source>
        <translation>该记录已不存在，请刷新列表后重试。</translation>
    </message>
    <message>
        <source>This PC is not yet enrolled with the city platform. Enter the platform&apos;s address and the one-time code you received from it.</source>
        <translation>本机尚未在市级党建平台注册。请填写平台地址和平台发放的一次性注册码。</translation>
    </message>
    <message>
        <source>the platform&apos;s certificate could not be verified (ask the administrator for the platform&apos;s CA certificate).</source>
        <translation>无法验证平台的证书（请向管理员索取平台的CA证书）。</translation>
    </message>
    <message>
        <source>the platform reported an internal error.</source>
        <translation>平台报告了内部错误。</translation>
    </message>
    <message>
        <source>no network connection to it.</source>
        <translation>无法通过网络连接到平台。</translation>
    </message>
    <message>
        <source>Could not reach the city platform: {reason} Nothing was lost: the changes wait on this PC for the next synchronization.</source>
        <translation>无法连接市级党建平台：{reason}数据没有丢失，更改保存在本机，等待下次同步。</translation>
    </message>
    <message>
        <source>The one-time code was not accepted (mistyped, already used or expired).</source>
        <translation>注册码无效（可能输错、已被使用或已过期）。</translation>
    </message>
    <message>
        <source>The city platform refused this PC. Ask the platform administrator to check its enrollment.</source>
        <translation>市级党建平台拒绝了本机的访问，请联系平台管理员核查本机的注册情况。</translation>
    </message>
    <message>
        <source>The city platform answered in a way this version does not understand ({reason}). Nothing was changed here; the platform administrator may need to update.</source>
        <translation>平台返回了本版本无法识别的应答（{reason}）。本机数据未作任何更改，可能需要平台管理员进行更新。</translation>
    </message>
    <message>
        <source>The platform&apos;s changes would remove {count} records from this PC, more than {share}% of them. Nothing was removed. Check with the platform administrator, then confirm if it is right.</source>
        <translation>平台的更改将从本机删除 {count} 条记录，超过总数的 {share}%。目前未删除任何记录。请先与平台管理员核实，确认无误后再执行。</translation>
    </message>
    <message>
        <source>This file is not a sync bundle. Check that you chose the right file.</source>
        <translation>该文件不是同步包，请确认选择的文件是否正确。</translation>
    </message>
    <message>
        <source>The bundle file is incomplete (the copy was interrupted or the medium removed too early). Nothing was applied; copy it again.</source>
        <translation>同步包文件不完整（复制中断或过早移除了存储介质），未导入任何内容，请重新复制。</translation>
    </message>
    <message>
        <source>The bundle file is damaged or was altered, or it is not meant for this recipient. Nothing was applied; ask for a new one.</source>
        <translation>同步包文件已损坏或被改动，或不是发给此接收方的，未导入任何内容，请重新获取。</translation>
    </message>
    <message>
        <source>The bundle was written by a newer version. Nothing was applied; update this program first.</source>
        <translation>该同步包由更新版本生成，未导入任何内容，请先升级本程序。</translation>
    </message>
    <message>
        <source>This bundle goes the other way (a bundle written on this PC is for the platform). Nothing was applied.</source>
        <translation>该同步包方向不对（本机导出的同步包应交平台导入），未导入任何内容。</translation>
    </message>
    <message>
        <source>The platform does not know this PC&apos;s key. Nothing was applied; the platform administrator must register its key file first.</source>
        <translation>平台尚未登记本机公钥，未导入任何内容。请平台管理员先登记本机的公钥文件。</translation>
    </message>
    <message>
        <source>This return bundle is for another PC or branch. Nothing was applied.</source>
        <translation>该返回包属于其他电脑或支部，未导入任何内容。</translation>
    </message>
    <message>
        <source>This bundle was already imported. Nothing more to do.</source>
        <translation>该同步包已导入过，无需再次导入。</translation>
    </message>
    <message>
        <source>This bundle is older than one already imported. Nothing was applied; use the newest bundle.</source>
        <translation>该同步包早于已导入的同步包，未导入任何内容，请使用最新的同步包。</translation>
    </message>
    <message>
        <source>A bundle before this one is missing. Nothing was applied; export a new bundle on the PC and import that one.</source>
        <translation>缺少此前的同步包，未导入任何内容。请在本机重新导出同步包后再导入。</translation>
    </message>
    <message>
        <source>The platform&apos;s key file has not been set on this PC. Ask the platform administrator for it.</source>
        <translation>本机尚未设置平台公钥文件，请向平台管理员索取。</translation>
    </message>
    <message>
        <source>This PC has no bundle key yet: export a bundle first.</source>
        <translation>本机尚无同步包密钥，请先导出同步包。</translation>
    </message>
    <message>
        <source>This file is not the platform&apos;s key file.</source>
        <translation>该文件不是平台公钥文件。</translation>
    </message>
    <message>
        <source>The bundle file was refused ({reason}). Nothing was applied.</source>
        <translation>同步包被拒绝（{reason}），未导入任何内容。</translation>
    </message>
    <message>
        <source>The passphrase or the recovery code is wrong.</source>
        <translation>口令或恢复码不正确。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was changed.</source>
        <translation>两次输入的口令不一致，未作任何更改。</translation>
    </message>
    <message>
        <source>The database file is damaged and cannot be read. Restore the latest backup (Settings › Restore from a backup, or the command restore); the damaged file is kept in the folder replaced of the data folder.</source>
        <translation>数据库文件已损坏，无法读取。请恢复最近的备份（设置 › 从备份恢复，或命令 restore）；损坏的文件会保留在数据文件夹的 replaced 文件夹中。</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder: it cannot be the data folder. Name a folder (--data-dir FOLDER).</source>
        <translation>{folder} 是文件而不是文件夹，不能用作数据文件夹。请指定一个文件夹（--data-dir 文件夹）。</translation>
    </message>
    <message>
        <source>The data is busy: another program on this PC (or the synchronization) has been writing to it for too long. Nothing was changed; try again in a moment.</source>
        <translation>数据正忙：本机的另一个程序（或同步）写入数据的时间过长。未做任何更改，请稍后再试。</translation>
    </message>
    <message>
        <source>A platform notice came with an attachment larger than 10 MB, which this PC does not accept. No notice was stored; the changes were synchronized. Ask the platform administrator to send a smaller file.</source>
        <translation>平台通知带有超过 10 MB 的附件，本机不接收。未保存任何通知；数据已同步。请平台管理员改发较小的文件。</translation>
    </message>
    <message>
        <source>A platform notice came with a damaged attachment (its size or checksum does not match). No notice was stored; the changes were synchronized. Synchronize again later or ask the platform administrator.</source>
        <translation>平台通知的附件已损坏（大小或校验值不符）。未保存任何通知；数据已同步。请稍后再次同步，或联系平台管理员。</translation>
    </message>
    <message>
        <source>The due date has passed and the platform has the branch&apos;s answer: it can no longer be changed.</source>
        <translation>已过截止日期，平台已收到本支部的回复，不能再修改。</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>请先填写回复内容。</translation>
    </message>
    <message>
        <source>The reply is too long (at most 4,000 characters).</source>
        <translation>回复内容过长（最多 4000 字）。</translation>
    </message>
    <message>
        <source>Choose a file to send first (an empty file cannot be sent).</source>
        <translation>请先选择要上报的文件（不能上报空文件）。</translation>
    </message>
    <message>
        <source>The file is larger than 10 MB. Send a smaller file (for example a PDF instead of scans).</source>
        <translation>文件超过 10 MB，请上报较小的文件（例如以 PDF 代替扫描图片）。</translation>
    </message>
    <message>
        <source>This notice does not ask for this kind of answer.</source>
        <translation>这条通知不要求这种回复。</translation>
    </message>
    <message>
        <source>The balance check of {year} does not match (the count at the end is not the count at the start plus the increase minus the decrease), so nothing was submitted. Correct the records of the members listed under the balance check first, then make the tables again and submit.</source>
        <translation>{year}年党内统计平衡校验不符（年末数 ≠ 年初数 + 增加 − 减少），未报送。请先更正“平衡校验”下列出的党员记录，重新统计后再报送。</translation>
    </message>
</context>
<context>
    <name>MonthEdit</name>
    <message>
        <source>MM/yyyy</source>
        <translation>yyyy年MM月</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source> (month)</source>
        <translation> 月</translation>
    </message>
</context>
<context>
    <name>MonthField</name>
    <message>
        <source>e.g. 2025-05</source>
        <translation>如：2025-05</translation>
    </message>
</context>
<context>
    <name>MonthTab</name>
    <message>
        <source>Generate this month&apos;s dues</source>
        <translation>生成本月应交</translation>
    </message>
    <message>
        <source>Work out every member&apos;s amount due for the month from their base and category (Ctrl+G). Members done before are left as they are.</source>
        <translation>按每名党员的基数和人员类别计算本月应交党费（Ctrl+G）。已生成过的党员保持不变。</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Paid on:</source>
        <translation>交费日期：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>交费方式：</translation>
    </message>
    <message>
        <source>Type each row&apos;s unpaid amount as paid now (Ctrl+M). With several rows selected, only those; otherwise every row.</source>
        <translation>把每行的未交金额填入“本次实交”（Ctrl+M）。选中多行时只填选中的行，否则填全部。</translation>
    </message>
    <message>
        <source>History and reversal…</source>
        <translation>交费明细与冲销…</translation>
    </message>
    <message>
        <source>The selected member&apos;s dues month by month, their payments, and reversing a wrong payment (also by double-clicking the name).</source>
        <translation>查看所选党员的逐月党费和交费记录，冲销录错的交费（双击姓名也可打开）。</translation>
    </message>
    <message>
        <source>Export collection sheet…</source>
        <translation>导出收缴登记表…</translation>
    </message>
    <message>
        <source>Save payments</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Record every amount typed (Ctrl+S).</source>
        <translation>记录所有已填写的金额（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Type the amount each member hands over in “Paid now” and press Enter to go to the next member. Part of the amount may be paid. Ctrl+S saves.</source>
        <translation>在“本次实交”中输入每名党员交来的金额，按回车到下一人；可以只交一部分。按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>Nothing is due for {month} yet: press “Generate this month&apos;s dues”.</source>
        <translation>{month}尚未生成应交党费：请按“生成本月应交”。</translation>
    </message>
    <message>
        <source>Due {due} · paid {paid} · typed now {entered} · still unpaid {unpaid} (yuan)</source>
        <translation>应交 {due}&#x3000;已交 {paid}&#x3000;本次录入 {entered}&#x3000;仍未交 {unpaid}（元）</translation>
    </message>
    <message>
        <source>Mark selected as paid in full</source>
        <translation>选中行按应交标记为已交</translation>
    </message>
    <message>
        <source>Mark all as paid in full</source>
        <translation>全部按应交标记为已交</translation>
    </message>
    <message>
        <source>Working out the dues of {month}…</source>
        <translation>正在计算{month}应交党费…</translation>
    </message>
    <message>
        <source>{month}: amounts due recorded for {count} members, {total} yuan in total.</source>
        <translation>{month}：已为 {count} 名党员生成应交党费，合计 {total} 元。</translation>
    </message>
    <message>
        <source>{count} members had theirs already.</source>
        <translation>另有 {count} 名党员此前已生成。</translation>
    </message>
    <message>
        <source>No base yet, so nothing was recorded for: {names}. Enter their bases under “Bases”, then generate again.</source>
        <translation>以下党员尚无党费基数，未生成：{names}。请先在“基数核定”中录入基数，再重新生成。</translation>
    </message>
    <message>
        <source>{count} rows marked as paid in full. Check them, then save.</source>
        <translation>已为 {count} 行填入未交金额，请核对后保存。</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the {count} rows marked in red.</source>
        <translation>未保存：请改正标红的 {count} 行。</translation>
    </message>
    <message>
        <source>No amounts typed: nothing to save.</source>
        <translation>没有填写金额，无需保存。</translation>
    </message>
    <message>
        <source>Recording {count} payments…</source>
        <translation>正在记录 {count} 笔交费…</translation>
    </message>
    <message>
        <source>Nothing was saved: {count} rows need attention (see “Remarks”).</source>
        <translation>未保存：有 {count} 行需要处理（见“提示”列）。</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>{count} payments recorded, {total} yuan.</source>
        <translation>已记录 {count} 笔交费，共 {total} 元。</translation>
    </message>
    <message>
        <source>Export the collection sheet</source>
        <translation>导出党费收缴登记表</translation>
    </message>
    <message>
        <source>Dues collection {month}.xlsx</source>
        <translation>党费收缴登记表 {month}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The collection sheet was saved to {file}.</source>
        <translation>收缴登记表已保存到 {file}。</translation>
    </message>
    <message>
        <source>Writing the collection sheet…</source>
        <translation>正在导出收缴登记表…</translation>
    </message>
    <message>
        <source>Nothing was saved. {name}: {problem}</source>
        <translation>未保存。{name}：{problem}</translation>
    </message>
    <message>
        <source>Export annual ledger…</source>
        <translation>导出年度台账…</translation>
    </message>
    <message>
        <source>One workbook for the year of the selected month: every member&apos;s 12 months, the arrears list and the remittance record.</source>
        <translation>所选月份所在年度的一个工作簿：每名党员12个月的交纳情况、欠费名单和上缴记录。</translation>
    </message>
    <message>
        <source>Party dues ledger {year}.xlsx</source>
        <translation>{year}年度党费台账.xlsx</translation>
    </message>
    <message>
        <source>Export the annual ledger</source>
        <translation>导出年度党费台账</translation>
    </message>
    <message>
        <source>The annual ledger was saved to {file}.</source>
        <translation>年度党费台账已保存到 {file}。</translation>
    </message>
    <message>
        <source>Writing the annual ledger…</source>
        <translation>正在生成年度党费台账…</translation>
    </message>
    <message>
        <source>{name} still owes {owed} yuan for {month}, and {amount} yuan was typed: {excess} yuan more. What is it?</source>
        <translation>{name}{month}尚欠 {owed} 元，录入 {amount} 元，多出 {excess} 元。多出的部分如何处理？</translation>
    </message>
    <message>
        <source>Voluntary dues (art. 11)</source>
        <translation>自愿多交党费（第十一条）</translation>
    </message>
    <message>
        <source>Pay the following months ahead</source>
        <translation>预交以后月份</translation>
    </message>
    <message>
        <source>Correct the amount</source>
        <translation>改正金额</translation>
    </message>
    <message>
        <source>Nothing was typed: this column cannot be changed. Type the amount in “Paid now” (Enter goes there).</source>
        <translation>未录入：此列不能修改。请在“本次实交”一列录入金额（按回车键即可到达）。</translation>
    </message>
    <message>
        <source>Party dues, monthly collection: amounts typed</source>
        <translation>党费月度收缴：已输入的金额</translation>
    </message>
    <message>
        <source>Check amounts…</source>
        <translation>核对金额…</translation>
    </message>
    <message>
        <source>Compare the month&apos;s recorded amounts with what the members&apos; records give now (a category, hardship relief, base or transfer letter entered afterwards), and work the wrong ones out again.</source>
        <translation>将本月已记录的应交金额与按党员现有记录计算的金额核对（事后录入的类别变化、困难减免、基数或组织关系介绍信），并重新计算不符的金额。</translation>
    </message>
    <message>
        <source>Checking the amounts of {month}…</source>
        <translation>正在核对{month}的应交金额…</translation>
    </message>
    <message>
        <source>Every amount recorded for {month} is what the members&apos; records give.</source>
        <translation>{month}已记录的应交金额都与党员现有记录相符。</translation>
    </message>
    <message>
        <source>{month}: the amounts of {count} members worked out again; each wrong amount is reversed with the reason (see “History and reversal…”).</source>
        <translation>{month}：已重新计算 {count} 名党员的应交金额；原金额均已冲销并注明原因（见“交费明细与冲销…”）。</translation>
    </message>
    <message>
        <source>{name}: {recorded} yuan recorded, nothing owed now</source>
        <translation>{name}：已记录 {recorded} 元，现不应交纳</translation>
    </message>
    <message>
        <source>{name}: {recorded} yuan recorded, {now} yuan now</source>
        <translation>{name}：已记录 {recorded} 元，现应为 {now} 元</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 人</translation>
    </message>
    <message>
        <source>For {count} members the amount recorded for {month} is not what their records give now (a category, hardship relief, base or transfer letter entered afterwards):

{lines}

Work these amounts out again? Each wrong amount is reversed with the reason, and the new amount recorded; payments already made stay and are set against it.</source>
        <translation>有 {count} 名党员{month}已记录的应交金额与按现有记录计算的不符（事后录入了类别变化、困难减免、基数或组织关系介绍信）：

{lines}

是否重新计算？原金额将冲销并注明原因，再记录新金额；已交的党费保留，并冲抵新金额。</translation>
    </message>
    <message>
        <source>Work them out again</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Leave them as they are</source>
        <translation>保持不变</translation>
    </message>
</context>
<context>
    <name>NameOrderBox</name>
    <message>
        <source>Printed name lists</source>
        <translation>打印名单</translation>
    </message>
    <message>
        <source>By pinyin</source>
        <translation>按姓名拼音</translation>
    </message>
    <message>
        <source>By the surname&apos;s stroke count</source>
        <translation>按姓氏笔画</translation>
    </message>
    <message>
        <source>The order of the attendees in printed minutes and of the names on sign-in sheets. Lists on screen and exported rosters are always by pinyin.</source>
        <translation>会议记录中出席人员和签到表中姓名的排列顺序。屏幕上的名单和导出的花名册始终按拼音排序。</translation>
    </message>
    <message>
        <source>Order of names:</source>
        <translation>姓名排序：</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Platform notice</source>
        <translation>平台通知</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save and open…</source>
        <translation>保存并打开…</translation>
    </message>
    <message>
        <source>The branch&apos;s answer</source>
        <translation>本支部的回复</translation>
    </message>
    <message>
        <source>Write the branch&apos;s reply here.</source>
        <translation>在此填写本支部的回复。</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{name} ({kb} KB)</source>
        <translation>{name}（{kb} KB）</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>Saved a copy as {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation>选择要上报的文件</translation>
    </message>
    <message>
        <source>The answer is saved and goes to the platform with the next synchronization (online, or in the next bundle file).</source>
        <translation>回复已保存，将在下次同步时发送给平台（在线同步，或随下一个同步包）。</translation>
    </message>
    <message>
        <source>The window closes once this is done.</source>
        <translation>完成后窗口将自动关闭。</translation>
    </message>
    <message>
        <source>Loading the notice…</source>
        <translation>正在读取通知…</translation>
    </message>
    <message>
        <source>Saving a copy of the attachment…</source>
        <translation>正在保存附件副本…</translation>
    </message>
    <message>
        <source>Saving the answer…</source>
        <translation>正在保存答复…</translation>
    </message>
</context>
<context>
    <name>NoticeSection</name>
    <message>
        <source>Platform notices to answer</source>
        <translation>待办理的平台通知</translation>
    </message>
    <message>
        <source>Open the notice to read it and answer</source>
        <translation>打开通知，阅读并回复</translation>
    </message>
    <message>
        <source>and {count} more (see the Sync page)</source>
        <translation>另有 {count} 条（见“同步”页）</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>confirm that it was read</source>
        <translation>回复已阅</translation>
    </message>
    <message>
        <source>a written reply</source>
        <translation>文字回复</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>上报文件</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无需回复</translation>
    </message>
    <message>
        <source>Published {published}; answer asked: {asked}.</source>
        <translation>发布于 {published}；要求：{asked}。</translation>
    </message>
    <message>
        <source>Published {published}; OVERDUE: the answer ({asked}) was due by {due}.</source>
        <translation>发布于 {published}；已逾期：应于 {due} 前{asked}。</translation>
    </message>
    <message>
        <source>Published {published}; answer ({asked}) due by {due}.</source>
        <translation>发布于 {published}；请于 {due} 前{asked}。</translation>
    </message>
    <message>
        <source>the due date has passed and the platform keeps the answer given before</source>
        <translation>已过截止日期，平台保留此前的回复</translation>
    </message>
    <message>
        <source>the platform now asks for another kind of answer</source>
        <translation>平台现在要求另一种回复方式</translation>
    </message>
    <message>
        <source>the platform no longer has this notice for the branch</source>
        <translation>平台上已没有发给本支部的这条通知</translation>
    </message>
    <message>
        <source>the reply was empty</source>
        <translation>回复内容为空</translation>
    </message>
    <message>
        <source>the file was empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is larger than 10 MB</source>
        <translation>文件超过 10 MB</translation>
    </message>
    <message>
        <source>the answer does not fit the notice ({reason})</source>
        <translation>回复不符合通知要求（{reason}）</translation>
    </message>
    <message>
        <source>Not answered yet.</source>
        <translation>尚未回复。</translation>
    </message>
    <message>
        <source>Answered {when}; it goes to the platform with the next synchronization.</source>
        <translation>已于 {when} 回复，将在下次同步时发送给平台。</translation>
    </message>
    <message>
        <source>The platform refused the answer of {when}: {reason}. Answer again.</source>
        <translation>平台拒收了 {when} 的回复：{reason}。请重新回复。</translation>
    </message>
    <message>
        <source>The platform keeps a later answer given on another PC.</source>
        <translation>平台保留了在另一台电脑上给出的较新回复。</translation>
    </message>
    <message>
        <source>Answered {when}; the platform has it (received after the due date).</source>
        <translation>已于 {when} 回复，平台已收到（逾期收到）。</translation>
    </message>
    <message>
        <source>Answered {when}; the platform has it.</source>
        <translation>已于 {when} 回复，平台已收到。</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>已阅</translation>
    </message>
    <message>
        <source>Change the answer</source>
        <translation>修改回复</translation>
    </message>
    <message>
        <source>Send the answer</source>
        <translation>提交回复</translation>
    </message>
    <message>
        <source>{title} — {asked}</source>
        <translation>{title}——{asked}</translation>
    </message>
    <message>
        <source>OVERDUE: {title} — {asked}, was due by {due}</source>
        <translation>已逾期：{title}——应于 {due} 前{asked}</translation>
    </message>
    <message>
        <source>{title} — {asked}, due by {due}</source>
        <translation>{title}——请于 {due} 前{asked}</translation>
    </message>
</context>
<context>
    <name>OpinionReminders</name>
    <message>
        <source>Opinions and suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Overdue: received {date} ({category}), {status}, answer was due by {due}</source>
        <translation>超期：{date}收到（{category}），{status}，应于{due}前答复</translation>
    </message>
    <message>
        <source>and {count} more (see the Opinions page)</source>
        <translation>另有 {count} 条（见“意见建议”页）</translation>
    </message>
</context>
<context>
    <name>OpinionTableModel</name>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Report of misconduct</source>
        <translation>检举控告</translation>
    </message>
    <message>
        <source>(handed to the discipline committee; content not recorded here)</source>
        <translation>（已移交纪委，本机不登记内容）</translation>
    </message>
    <message>
        <source>Discipline committee</source>
        <translation>纪委</translation>
    </message>
    <message>
        <source>Handed over {reference}</source>
        <translation>已移交 {reference}</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>{status} (overdue)</source>
        <translation>{status}（超期）</translation>
    </message>
</context>
<context>
    <name>OpinionTexts</name>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>City platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Business work</source>
        <translation>业务工作</translation>
    </message>
    <message>
        <source>Party building</source>
        <translation>党建工作</translation>
    </message>
    <message>
        <source>Work style</source>
        <translation>作风建设</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>不予采纳</translation>
    </message>
</context>
<context>
    <name>OpinionsPage</name>
    <message>
        <source>Opinions and suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Forward…</source>
        <translation>转办…</translation>
    </message>
    <message>
        <source>Print transfer slip…</source>
        <translation>打印转办单…</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <source>Attachments…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <source>Hand a report to the discipline committee…</source>
        <translation>移交纪委…</translation>
    </message>
    <message>
        <source>Print cover slip…</source>
        <translation>打印移交单…</translation>
    </message>
    <message>
        <source>Export the year…</source>
        <translation>导出年度登记表…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>No entries this year. Record an opinion with “New entry…”; those filed on the city platform arrive with the next sync.</source>
        <translation>本年度还没有登记。用“登记…”记录意见建议；党员在市平台提交的，下次同步后自动列入。</translation>
    </message>
    <message>
        <source>Handed to the discipline committee on {date}; reference number: {reference}. Its content and author are not recorded (secret).</source>
        <translation>{date}已移交纪委，受理编号：{reference}。内容和检举人不在本机登记（秘密）。</translation>
    </message>
    <message>
        <source>Received {date} ({channel}): {content}</source>
        <translation>{date}收到（{channel}）：{content}</translation>
    </message>
    <message>
        <source>Forwarded to {unit} on {date}.</source>
        <translation>{date}转{unit}办理。</translation>
    </message>
    <message>
        <source>Reply: {reply}</source>
        <translation>答复：{reply}</translation>
    </message>
    <message>
        <source>Measures: {measures}</source>
        <translation>落实措施：{measures}</translation>
    </message>
    <message>
        <source>Not adopted: {reason}</source>
        <translation>不予采纳：{reason}</translation>
    </message>
    <message>
        <source>Proposer told on {date}.</source>
        <translation>{date}已向提出人反馈。</translation>
    </message>
    <message>
        <source>Overdue: the answer was due by {date}.</source>
        <translation>已超期：应于{date}前答复。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Transfer slip</source>
        <translation>转办单</translation>
    </message>
    <message>
        <source>Cover slip</source>
        <translation>移交单</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>导出意见建议登记表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Opinions {year}.xlsx</source>
        <translation>{year}年意见建议登记表.xlsx</translation>
    </message>
    <message>
        <source>The register of {year} ({count} entries) was written to {file}.</source>
        <translation>{year}年度意见建议登记表（{count} 条）已写入 {file}。</translation>
    </message>
</context>
<context>
    <name>PartyGroupsTab</name>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Members on the roll</source>
        <translation>在册党员人数</translation>
    </message>
    <message>
        <source>No party groups yet: type a name below and click “Add party group”.</source>
        <translation>尚无党小组：在下面输入名称后点击“新增党小组”。</translation>
    </message>
    <message>
        <source>e.g. 第一党小组</source>
        <translation>如：第一党小组</translation>
    </message>
    <message>
        <source>Add party group</source>
        <translation>新增党小组</translation>
    </message>
    <message>
        <source>Rename selected</source>
        <translation>重命名所选</translation>
    </message>
    <message>
        <source>Party group name</source>
        <translation>党小组名称</translation>
    </message>
    <message>
        <source>Party group name {problem}</source>
        <translation>党小组名称{problem}</translation>
    </message>
    <message>
        <source>Party group added.</source>
        <translation>已新增党小组。</translation>
    </message>
    <message>
        <source>Renamed.</source>
        <translation>已重命名。</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>New passphrase:</source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>The passphrase must be at least {n} characters long.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>At least {n} characters. A few words you can remember make a strong passphrase.</source>
        <translation>至少 {n} 个字符。由几个便于记忆的词语组成的口令更安全。</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Strength: weak. Make it longer or mix letters, digits and signs.</source>
        <translation>强度：弱。请加长口令，或混合使用字母、数字和符号。</translation>
    </message>
    <message>
        <source>Strength: fair.</source>
        <translation>强度：中。</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>强度：强。</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Set the passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <source>The passphrase encrypts the branch&apos;s data. It is asked for when BranchDesk starts and after it locks itself.</source>
        <translation>口令用于加密本支部的数据。启动 BranchDesk 时以及自动锁定后需要输入口令。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>PdfPrintPreviewDialog</name>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save this document as a PDF file</source>
        <translation>将本文档保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Printing failed: the printer could not be started.</source>
        <translation>打印失败：无法启动打印机。</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Preparing the print preview…</source>
        <translation>正在准备打印预览…</translation>
    </message>
</context>
<context>
    <name>QuarterlyDialog</name>
    <message>
        <source>Pay by the quarter</source>
        <translation>按季交纳</translation>
    </message>
    <message>
        <source>With the branch&apos;s consent a member may pay by the quarter (art. 12). The months then count for art. 13 by whole quarters: a quarter is unpaid once it is over with nothing paid for it.</source>
        <translation>经党支部同意，党员可以按季度交纳党费（第十二条）。此后按第十三条计算时以整季度为单位：季度结束时该季度仍未交纳任何党费，才算未交。</translation>
    </message>
    <message>
        <source>Until the quarter ending:</source>
        <translation>截止季度的最后一个月：</translation>
    </message>
    <message>
        <source>Agreed by the branch on:</source>
        <translation>党支部同意日期：</translation>
    </message>
    <message>
        <source>From the quarter starting:</source>
        <translation>起始季度的第一个月：</translation>
    </message>
    <message>
        <source>Enter the date the branch agreed.</source>
        <translation>请填写党支部同意的日期。</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt of the letter of introduction</source>
        <translation>介绍信回执</translation>
    </message>
    <message>
        <source>Paste the receipt on the stub of the letter. The record is kept for history and statistics; the member leaves the list of members on the roll.</source>
        <translation>请将回执粘贴在介绍信存根上。记录保留备查和统计，该党员不再列入在册党员。</translation>
    </message>
</context>
<context>
    <name>RecordBook</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeView</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as file…</source>
        <translation>保存为文件…</translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation>保存恢复码</translation>
    </message>
    <message>
        <source>BranchDesk recovery code.txt</source>
        <translation>BranchDesk 恢复码.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Saved to {file}. Print it or copy it to removable media, then delete the file from this computer.</source>
        <translation>已保存到 {file}。请将其打印或复制到移动存储介质，然后从本机删除该文件。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>If the passphrase is ever forgotten, this code is the only way to the data. It is shown only now.</source>
        <translation>一旦忘记口令，只能凭此恢复码打开数据。恢复码仅在此显示一次。</translation>
    </message>
    <message>
        <source>I have kept the recovery code in a safe place</source>
        <translation>我已将恢复码妥善保存</translation>
    </message>
    <message>
        <source>Print it or save it to removable media, and keep it locked away from this computer.</source>
        <translation>请打印或保存到移动存储介质，并与本机分开、锁好保管。</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>BranchDesk recovery code

Branch: {branch}
Made on: {date}

    {code}

This code opens the branch&apos;s data when the passphrase is forgotten.
Keep this sheet locked away, apart from the computer.
Anyone holding it can read the data.
A newer recovery code makes this one stop working.
</source>
        <translation>BranchDesk 支部工作台 恢复码

支部：{branch}
生成日期：{date}

    {code}

忘记口令时，可凭此恢复码打开本支部的数据。
请将本页与电脑分开、锁好保管。
持有恢复码的人即可读取数据。
生成新的恢复码后，本恢复码即失效。
</translation>
    </message>
</context>
<context>
    <name>RectificationPage</name>
    <message>
        <source>Meeting</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Whose problem</source>
        <translation>问题对象</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>No problems recorded for this year: hold the organizational life meeting (组织生活 page), then click “New problem” to enter its list of problems.</source>
        <translation>本年尚未登记问题：召开组织生活会（“组织生活”页）后，点击“新增问题”录入问题清单。</translation>
    </message>
    <message>
        <source>New problem</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>Export ledger (Excel)…</source>
        <translation>导出台账（Excel）…</translation>
    </message>
    <message>
        <source>Export ledger (PDF)…</source>
        <translation>导出台账（PDF）…</translation>
    </message>
    <message>
        <source>The printable ledger, to print and sign</source>
        <translation>可打印的整改台账，打印后签字</translation>
    </message>
    <message>
        <source>Show the whole year</source>
        <translation>显示全年</translation>
    </message>
    <message>
        <source>The problems each organizational life meeting found and their rectification; open items of earlier years are carried over, overdue ones are shown in red.</source>
        <translation>各次组织生活会查摆的问题及整改情况；往年未完成的事项结转到本年，逾期未完成的以红色显示。</translation>
    </message>
    <message>
        <source>{count} items: {done} done, {overdue} overdue</source>
        <translation>共 {count} 项：已完成 {done} 项，逾期 {overdue} 项</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
    <message>
        <source>{status} (carried over)</source>
        <translation>{status}（上年结转）</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>支部委员会</translation>
    </message>
    <message>
        <source>Delete the item</source>
        <translation>删除整改事项</translation>
    </message>
    <message>
        <source>Delete this problem and its rectification? Delete only an item entered by mistake; a finished one is marked done instead.</source>
        <translation>删除这个问题及其整改？只删除误录的事项；已整改完成的请标记为“已完成”。</translation>
    </message>
    <message>
        <source>rectification ledger {year}</source>
        <translation>整改台账{year}</translation>
    </message>
    <message>
        <source>Export the rectification ledger</source>
        <translation>导出整改台账</translation>
    </message>
    <message>
        <source>Ledger exported ({count} items): {file}</source>
        <translation>已导出整改台账（{count} 项）：{file}</translation>
    </message>
    <message>
        <source>Writing the ledger…</source>
        <translation>正在生成整改台账…</translation>
    </message>
</context>
<context>
    <name>RectificationReminders</name>
    <message>
        <source>Rectification overdue</source>
        <translation>整改逾期</translation>
    </message>
    <message>
        <source>{owner}: {problem} (deadline {due}, {days} days overdue)</source>
        <translation>{owner}：{problem}（时限 {due}，已逾期 {days} 天）</translation>
    </message>
    <message>
        <source>… and {count} more (整改 page)</source>
        <translation>……另有 {count} 项（见“组织生活会整改”页）</translation>
    </message>
</context>
<context>
    <name>RectificationTexts</name>
    <message>
        <source>Not started</source>
        <translation>未整改</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>ReliefDialog</name>
    <message>
        <source>Hardship relief</source>
        <translation>困难减免</translation>
    </message>
    <message>
        <source>A member in real hardship may pay less or nothing (art. 7), after the branch discussed it and the higher committee approved it. Exempt months end a run of unpaid months (art. 13).</source>
        <translation>生活确有困难的党员，经党支部研究、报上一级党委批准，可以少交或免交党费（第七条）。免交月份使连续未交月数中断（第十三条）。</translation>
    </message>
    <message>
        <source>e.g. 5.00</source>
        <translation>例如 5.00</translation>
    </message>
    <message>
        <source>e.g. 机关党委</source>
        <translation>例如 机关党委</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Reduced monthly amount (yuan):</source>
        <translation>少交后每月金额（元）：</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>批准组织：</translation>
    </message>
    <message>
        <source>Approved on:</source>
        <translation>批准日期：</translation>
    </message>
    <message>
        <source>From month:</source>
        <translation>起始月份：</translation>
    </message>
    <message>
        <source>To month:</source>
        <translation>截止月份：</translation>
    </message>
</context>
<context>
    <name>RemittanceTab</name>
    <message>
        <source>e.g. 1166.70</source>
        <translation>例如 1166.70</translation>
    </message>
    <message>
        <source>Voluntary dues of 1000 yuan or more, remitted wholly to the centre (art. 11)</source>
        <translation>其中含一次1000元以上的自愿党费，全额上缴中央（第十一条）</translation>
    </message>
    <message>
        <source>Record remittance</source>
        <translation>记录上缴</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Record a remittance to the higher party committee</source>
        <translation>记录向上级党委上缴党费</translation>
    </message>
    <message>
        <source>Remitted on:</source>
        <translation>上缴日期：</translation>
    </message>
    <message>
        <source>Collections of:</source>
        <translation>所属期间：</translation>
    </message>
    <message>
        <source>Amount (yuan):</source>
        <translation>金额（元）：</translation>
    </message>
    <message>
        <source>Collections and remittances</source>
        <translation>收缴与上缴核对</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Collected (by date paid):</source>
        <translation>本年收缴（按交费日期）：</translation>
    </message>
    <message>
        <source>Remitted for the year:</source>
        <translation>本年已上缴：</translation>
    </message>
    <message>
        <source>Not yet remitted:</source>
        <translation>尚未上缴：</translation>
    </message>
    <message>
        <source>Of all collections, for the centre (art. 11):</source>
        <translation>累计应上缴中央（第十一条）：</translation>
    </message>
    <message>
        <source>Remitted on</source>
        <translation>上缴日期</translation>
    </message>
    <message>
        <source>Collections of</source>
        <translation>所属期间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>To the centre</source>
        <translation>上缴中央</translation>
    </message>
    <message>
        <source>Remittances recorded:</source>
        <translation>已记录的上缴：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <source>a remittance spans two years</source>
        <translation>有一笔上缴跨两个年度，无法按年核对</translation>
    </message>
    <message>
        <source>Type the amount, e.g. 1166.70.</source>
        <translation>请填写金额，例如 1166.70。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>所属期间的结束月份早于开始月份。</translation>
    </message>
    <message>
        <source>Not recorded: the amount must be above 0 and in whole fen.</source>
        <translation>未记录：金额须大于 0，且精确到分。</translation>
    </message>
    <message>
        <source>Recorded: {amount} yuan for {period}.</source>
        <translation>已记录：{period}上缴 {amount} 元。</translation>
    </message>
    <message>
        <source>Adding up the collections and remittances…</source>
        <translation>正在计算收缴和上缴情况…</translation>
    </message>
    <message>
        <source>The collections and remittances could not be added up: {reason}</source>
        <translation>未能计算收缴和上缴情况：{reason}</translation>
    </message>
    <message>
        <source>Party dues, remittances: a remittance typed</source>
        <translation>党费上缴：已输入的上缴记录</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Party member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Sign-in sheet of a meeting</source>
        <translation>会议签到表</translation>
    </message>
    <message>
        <source>Annual dues ledger</source>
        <translation>党费收缴台账（含欠缴名单、上缴记录）</translation>
    </message>
    <message>
        <source>Study hours of the year</source>
        <translation>党员学习学时统计表</translation>
    </message>
    <message>
        <source>Heart-to-heart talks of the year</source>
        <translation>谈心谈话记录</translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Democratic appraisal result table</source>
        <translation>民主评议党员结果表</translation>
    </message>
    <message>
        <source>Register of opinions and suggestions</source>
        <translation>意见建议登记簿</translation>
    </message>
    <message>
        <source>Register of party affairs disclosure</source>
        <translation>党务公开登记</translation>
    </message>
    <message>
        <source>Charts of the year</source>
        <translation>年度图表</translation>
    </message>
    <message>
        <source>Annual work of the branch (assessment)</source>
        <translation>党支部年度工作情况（考核评价）</translation>
    </message>
    <message>
        <source>Annual party statistics</source>
        <translation>党内统计（年度）</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Choose a report and its year or meeting, look at its pages, then export or print it. Exported files are written only where you choose, and every export is recorded in the audit log.</source>
        <translation>选择报表及其年度或会议，查看各页后导出或打印。导出的文件只写到您选择的位置，每次导出都记入审计日志。</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>会议：</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>{day} {type} {topic}</source>
        <translation>{day} {type} {topic}</translation>
    </message>
    <message>
        <source>No meetings were recorded in this year.</source>
        <translation>本年度没有会议记录。</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>{count} pages.</source>
        <translation>共 {count} 页。</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>报表未能生成。</translation>
    </message>
    <message>
        <source>Secret records</source>
        <translation>秘密记录</translation>
    </message>
    <message>
        <source>This report holds {count} secret records. A file or a paper copy leaves the encrypted database and is marked secret on every page: keep it accordingly.</source>
        <translation>本报表含 {count} 条秘密记录。导出的文件或纸质件将离开加密数据库，每页标注“秘密”，请按密级妥善保管。</translation>
    </message>
    <message>
        <source>Continue, marked secret</source>
        <translation>继续（标注秘密）</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
    <message>
        <source>Exporting the report…</source>
        <translation>正在导出报表…</translation>
    </message>
    <message>
        <source>Printing failed: the printer could not be started.</source>
        <translation>打印失败：无法启动打印机。</translation>
    </message>
    <message>
        <source>Check and submit</source>
        <translation>核对与报送</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse a payment</source>
        <translation>冲销交费</translation>
    </message>
    <message>
        <source>The payment stays in the ledger with a reversal beside it; its months count as unpaid again. Enter the right payment afterwards if there is one.</source>
        <translation>原交费记录保留在账中，另记一笔冲销；所涉月份重新计为未交。如有正确的交费，请随后重新录入。</translation>
    </message>
    <message>
        <source>Paid on:</source>
        <translation>交费日期：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>所交月份：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <source>e.g. amount entered wrongly</source>
        <translation>例如：金额录错</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>冲销原因：</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Write the reason for the reversal.</source>
        <translation>请填写冲销原因。</translation>
    </message>
</context>
<context>
    <name>RosterExport</name>
    <message>
        <source>Export the roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Roster {date}</source>
        <translation>党员花名册 {date}</translation>
    </message>
    <message>
        <source>Exporting the roster…</source>
        <translation>正在导出花名册…</translation>
    </message>
    <message>
        <source>The roster holds {count} secret members. Export them too? The workbook leaves the encrypted database and is marked secret on every page: keep it accordingly.</source>
        <translation>花名册中有 {count} 名秘密党员。是否一并导出？导出的表格将离开加密数据库，每页标注“秘密”，请按涉密文件保管。</translation>
    </message>
    <message>
        <source>Export, marked secret</source>
        <translation>导出并标注秘密</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import a roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Choose the roster workbook (.xlsx). Every row is checked first; the members are imported only when no row has an error. Members already in the register (same ID number) are updated, not added twice.</source>
        <translation>请选择花名册工作簿（.xlsx）。系统先逐行检查，只有所有行都没有错误时才会导入。已在册的党员（身份证号相同）将被更新，不会重复添加。</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Columns BranchDesk does not know</source>
        <translation>无法识别的列</translation>
    </message>
    <message>
        <source>Say what each column holds, or leave it ignored; then check the file again.</source>
        <translation>请指明每一列的内容，或保持“忽略”；然后重新检查文件。</translation>
    </message>
    <message>
        <source>Check again with these columns</source>
        <translation>按此设置重新检查</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Checking the roster…</source>
        <translation>正在检查花名册…</translation>
    </message>
    <message>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <source>Importing the roster…</source>
        <translation>正在导入花名册…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export a blank template…</source>
        <translation>导出空白模板…</translation>
    </message>
    <message>
        <source>A workbook with the columns BranchDesk reads and one example row, to fill in.</source>
        <translation>含有本程序能读取的各列和一行示例的工作簿，供填写。</translation>
    </message>
    <message>
        <source>Click “Choose file…” to check a roster workbook; nothing is imported before every row has been checked.</source>
        <translation>点击“选择文件…”检查花名册工作簿；全部行检查通过之前不会导入任何数据。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Roster template</source>
        <translation>党员花名册模板</translation>
    </message>
    <message>
        <source>The blank template was written to {file}.</source>
        <translation>空白模板已保存到 {file}。</translation>
    </message>
    <message>
        <source>Writing the template…</source>
        <translation>正在写出模板…</translation>
    </message>
</context>
<context>
    <name>RosterTexts</name>
    <message>
        <source>a number like 1990.1 may mean January or October: type the date as text, e.g. 1990.01 or 1990.10</source>
        <translation>像 1990.1 这样的数字既可能是 1 月也可能是 10 月：请以文本形式输入日期，如 1990.01 或 1990.10</translation>
    </message>
    <message>
        <source>this member has left the branch: the row updates the record but does not bring the member back</source>
        <translation>该党员已离开本支部：此行会更新其记录，但不会恢复其在册状态</translation>
    </message>
    <message>
        <source>Work unit and post</source>
        <translation>工作单位及职务</translation>
    </message>
    <message>
        <source>the same ID number is also in row {row}</source>
        <translation>与第 {row} 行的身份证号相同</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>File {file}, sheet {sheet}, row {row}, column {column} ({field}): {problem}</source>
        <translation>文件 {file}，工作表 {sheet}，第 {row} 行，{column} 列（{field}）：{problem}</translation>
    </message>
    <message>
        <source>File {file}, sheet {sheet}, row {row}, column {column}: {problem}</source>
        <translation>文件 {file}，工作表 {sheet}，第 {row} 行，{column} 列：{problem}</translation>
    </message>
    <message>
        <source>File {file}, sheet {sheet}, row {row} ({field}): {problem}</source>
        <translation>文件 {file}，工作表 {sheet}，第 {row} 行（{field}）：{problem}</translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>提醒：{line}</translation>
    </message>
    <message>
        <source>{rows} rows read: {created} new, {updated} to update, {unchanged} unchanged; {errors} errors, {warnings} warnings.</source>
        <translation>共读取 {rows} 行：新增 {created} 人，更新 {updated} 人，无变化 {unchanged} 人；错误 {errors} 处，提醒 {warnings} 处。</translation>
    </message>
    <message>
        <source>Party groups to be created: {names}</source>
        <translation>将新建党小组：{names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing was imported: correct the {errors} errors in {file} and import again.</source>
        <translation>未导入任何数据：请先改正 {file} 中的 {errors} 处错误，再重新导入。</translation>
    </message>
    <message>
        <source>Imported: {created} new members, {updated} updated, {unchanged} unchanged.</source>
        <translation>导入完成：新增 {created} 人，更新 {updated} 人，无变化 {unchanged} 人。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何数据。</translation>
    </message>
    <message>
        <source>The roster of {count} members was written to {file}.</source>
        <translation>已将 {count} 名党员的花名册导出到 {file}。</translation>
    </message>
    <message>
        <source>the column {header} is not known; it was ignored</source>
        <translation>无法识别列“{header}”，已忽略</translation>
    </message>
    <message>
        <source>“{value}”: {problem}</source>
        <translation>“{value}”：{problem}</translation>
    </message>
    <message>
        <source>“{value}” is not a date</source>
        <translation>“{value}”不是日期</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed values</source>
        <translation>“{value}”不是允许的取值</translation>
    </message>
    <message>
        <source>{rows} rows read: {errors} errors, {warnings} warnings. Once corrected, the import would add {created} members, update {updated} and leave {unchanged} unchanged.</source>
        <translation>共读取 {rows} 行：错误 {errors} 处，提醒 {warnings} 处。如改正后导入，将新增 {created} 人，更新 {updated} 人，无变化 {unchanged} 人。</translation>
    </message>
</context>
<context>
    <name>ScreenFit</name>
    <message>
        <source>… and {count} more (all are listed under “Show Details”).</source>
        <translation>…… 另有 {count} 项（全部列在“显示详情”中）。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Register settings</source>
        <translation>意见建议设置</translation>
    </message>
    <message>
        <source>There is no national time limit for answering: set the branch&apos;s own, in days from receipt.</source>
        <translation>国家没有统一的答复时限：请按本支部规定填写，自收到之日起计算的天数。</translation>
    </message>
    <message>
        <source>One unit per line, e.g. 办公室</source>
        <translation>每行一个单位，例如 办公室</translation>
    </message>
    <message>
        <source>Units (one per line)</source>
        <translation>承办单位（每行一个）</translation>
    </message>
    <message>
        <source>Time limit for an answer, by category:</source>
        <translation>各类别的答复时限：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. 机关纪委办公室, room, telephone</source>
        <translation>例如 机关纪委办公室、房间、电话</translation>
    </message>
    <message>
        <source>Discipline committee contact</source>
        <translation>纪委联系方式</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <source>Remember on this PC</source>
        <translation>在本机记住</translation>
    </message>
    <message>
        <source>Remember on this PC (open without the passphrase)</source>
        <translation>在本机记住（打开时无需输入口令）</translation>
    </message>
    <message>
        <source>The key is kept in this computer&apos;s credential store for your user account, so BranchDesk opens without asking. Use it only on a PC that you alone use and that locks its screen.</source>
        <translation>密钥将保存在本机当前用户的凭据存储中，打开 BranchDesk 时不再询问口令。请仅在专人使用且设置了锁屏的电脑上启用。</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation>无操作多长时间后锁定：</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>If the recovery code was lost or seen by others, make a new one. The old code stops working at once.</source>
        <translation>如果恢复码遗失或被他人看到，请生成新的恢复码，原恢复码立即失效。</translation>
    </message>
    <message>
        <source>Make a new recovery code…</source>
        <translation>生成新的恢复码…</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>A backup is encrypted like the data: it opens only with the passphrase or the recovery code. Keep backups on removable media, away from this PC.</source>
        <translation>备份与数据一样经过加密，只能用口令或恢复码打开。请将备份保存在移动存储介质上，与本机分开存放。</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>口令已更改。</translation>
    </message>
    <message>
        <source>BranchDesk will open on this PC without the passphrase.</source>
        <translation>此后在本机打开 BranchDesk 时将不再询问口令。</translation>
    </message>
    <message>
        <source>The key was removed from this PC; the passphrase will be asked for.</source>
        <translation>已从本机删除密钥，今后打开时需要输入口令。</translation>
    </message>
    <message>
        <source>Saved: never locks by itself.</source>
        <translation>已保存：不自动锁定。</translation>
    </message>
    <message>
        <source>Saved: locks after {minutes} minutes without use.</source>
        <translation>已保存：{minutes} 分钟无操作后自动锁定。</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <source>Make a new recovery code? The old code stops working at once; print or save the new one before you leave this page.</source>
        <translation>确定生成新的恢复码吗？原恢复码将立即失效。离开本页前请打印或保存新的恢复码。</translation>
    </message>
    <message>
        <source>The new recovery code is shown above. Print it or save it now.</source>
        <translation>新的恢复码显示在上方，请立即打印或保存。</translation>
    </message>
    <message>
        <source>BranchDesk backup {date}</source>
        <translation>BranchDesk 备份 {date}</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>BranchDesk backups (*{suffix})</source>
        <translation>BranchDesk 备份文件 (*{suffix})</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>The backup was saved to {file}.</source>
        <translation>备份已保存到 {file}。</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>从以下文件恢复</translation>
    </message>
    <message>
        <source>BranchDesk backups (*{suffix});;All files (*)</source>
        <translation>BranchDesk 备份文件 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the current data with the backup {file}? The backup is checked first; the current data is kept aside in the data folder. BranchDesk locks afterwards.</source>
        <translation>确定用备份 {file} 替换当前数据吗？恢复前会先检查备份；当前数据将另存在数据文件夹中。恢复后 BranchDesk 将锁定。</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>正在检查并恢复备份…</translation>
    </message>
    <message>
        <source>The backup was restored. Unlock to continue.</source>
        <translation>已从备份恢复。请解锁后继续。</translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced was kept in {folder}.</source>
        <translation>已从备份恢复。被替换的数据保存在 {folder}。</translation>
    </message>
    <message>
        <source>Forgot it? The recovery code works here too.</source>
        <translation>忘记了口令？这里也可以输入恢复码。</translation>
    </message>
    <message>
        <source>Current passphrase or recovery code:</source>
        <translation>当前口令或恢复码：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation>生成新恢复码</translation>
    </message>
    <message>
        <source> The recovery code still works; if others may have seen it, use “Make a new recovery code…” below.</source>
        <translation>恢复码仍然有效；如可能已被他人看到，请使用下方的“生成新的恢复码…”。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Restore from</source>
        <translation>从以下文件恢复</translation>
    </message>
    <message>
        <source>BranchDesk backups (*.bdbackup);;All files (*)</source>
        <translation>BranchDesk 备份文件 (*.bdbackup);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>正在检查并恢复备份…</translation>
    </message>
    <message>
        <source>The passphrase (or the recovery code) that was in use when the backup {file} was made:</source>
        <translation>制作备份 {file} 时使用的口令（或恢复码）：</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>The data of {branch} was restored from the backup.</source>
        <translation>已从备份恢复“{branch}”的数据。</translation>
    </message>
</context>
<context>
    <name>StatisticsTexts</name>
    <message>
        <source>Full members</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <source>Probationary members</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{name}: recorded as left, but without the date of leaving</source>
        <translation>{name}：记录为已离开本支部，但没有离开日期</translation>
    </message>
    <message>
        <source>{name}: has a date of leaving, but is still on the roll</source>
        <translation>{name}：有离开日期，但记录仍在册</translation>
    </message>
    <message>
        <source>{name}: the full-membership date is before the admission date</source>
        <translation>{name}：转正时间早于入党时间</translation>
    </message>
    <message>
        <source>{name}: counted at the start of the year, not at the end, and no reduction recorded</source>
        <translation>{name}：年初在册、年末不在册，但本年没有减少记录</translation>
    </message>
    <message>
        <source>{name}: counted at the end of the year, not at the start, and no increase recorded</source>
        <translation>{name}：年末在册、年初不在册，但本年没有增加记录</translation>
    </message>
    <message>
        <source>Gaps in the records: none</source>
        <translation>信息缺项：无</translation>
    </message>
    <message>
        <source>{category}: {start} + {added} − {removed} = {expected}; counted at the end {end}</source>
        <translation>{category}：{start} + {added} − {removed} = {expected}；年末实有 {end}</translation>
    </message>
    <message>
        <source>{line} — does not match</source>
        <translation>{line} —— 不符</translation>
    </message>
    <message>
        <source>The statistics of {year} as of {date} are made; the balance check matches.</source>
        <translation>{year}年党内统计已生成（统计时点 {date}），平衡校验相符。</translation>
    </message>
    <message>
        <source>The reference date {date} is not in {year}.</source>
        <translation>统计时点 {date} 不在 {year} 年内。</translation>
    </message>
    <message>
        <source>Party statistics {year}</source>
        <translation>{year}年党内统计</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The statistics were written to {file}.</source>
        <translation>党内统计已写入 {file}。</translation>
    </message>
    <message>
        <source>The counts of {year} are queued for the platform; they go with the next sync.</source>
        <translation>{year}年统计数已准备报送平台，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>{field} not filled in: {count} members</source>
        <translation>{field}未填写：{count} 人</translation>
    </message>
    <message>
        <source>Gaps in the records: {count} (counted as not filled in; open a line to see the members, double-click a member to open the record)</source>
        <translation>信息缺项：{count} 处（已计入“未填”；展开一行查看党员，双击党员打开其记录）</translation>
    </message>
    <message>
        <source>The statistics of {year} as of {date} are made, but the balance check found {count} records to correct. They cannot be submitted until these records are corrected and the tables made again.</source>
        <translation>{year}年党内统计已生成（统计时点 {date}），但平衡校验发现 {count} 条记录需要更正。更正这些记录并重新统计后才能报送。</translation>
    </message>
    <message>
        <source>The balance check does not match: correct the members listed under it (double-click to open) and make the tables again before submitting.</source>
        <translation>平衡校验不符：请先更正其下列出的党员记录（双击打开），重新统计后再报送。</translation>
    </message>
    <message>
        <source>The records still have {count} gaps, counted in the tables as not filled in:
{kinds}

Submit the counts of {year} anyway?</source>
        <translation>记录中还有 {count} 处信息缺项，已在各表中计入“未填”：
{kinds}

仍要报送{year}年的统计数吗？</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <source>Empty: 31 December of the year</source>
        <translation>留空：该年12月31日</translation>
    </message>
    <message>
        <source>Make the tables</source>
        <translation>生成统计表</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Submit to the platform</source>
        <translation>报送平台</translation>
    </message>
    <message>
        <source>Only the counts of the tables are sent; names and lists stay on this PC.</source>
        <translation>只报送各表的数字；姓名和名单留在本机。</translation>
    </message>
    <message>
        <source>Reference date:</source>
        <translation>统计时点：</translation>
    </message>
    <message>
        <source>Every figure is counted from the dated records (admission, 转正, leaving, transfers, flow), so a past year&apos;s tables stay the same. Counts include every member; only the counts are submitted.</source>
        <translation>每个数字都按记录中的日期统计（入党、转正、离开、转接、流动），往年的统计表不会因今年的修改而改变。统计包括全部党员；报送的只是数字。</translation>
    </message>
    <message>
        <source>Gaps in the records</source>
        <translation>信息缺项</translation>
    </message>
    <message>
        <source>Balance check (end = start + increase − decrease)</source>
        <translation>平衡校验（年末数 = 年初数 + 增加 − 减少）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation>导出党内统计</translation>
    </message>
    <message>
        <source>Writing the statistics…</source>
        <translation>正在写入党内统计…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在报送…</translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation>仍然报送</translation>
    </message>
    <message>
        <source>Choose the year and click “Make the tables”.</source>
        <translation>选择年度后点击“生成统计表”。</translation>
    </message>
    <message>
        <source>The year or the reference date was changed: click “Make the tables” before exporting or submitting.</source>
        <translation>年度或统计时点已更改：请先点击“生成统计表”，再导出或报送。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Enter who and the day.</source>
        <translation>请填写经办人和日期。</translation>
    </message>
</context>
<context>
    <name>StudyDialogs</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <source>Study record</source>
        <translation>学习教育</translation>
    </message>
    <message>
        <source>Year </source>
        <translation>年度 </translation>
    </message>
    <message>
        <source>Entries of the member…</source>
        <translation>该党员的学习记录…</translation>
    </message>
    <message>
        <source>Import hours…</source>
        <translation>导入学时…</translation>
    </message>
    <message>
        <source>Blank import template…</source>
        <translation>导出空白模板…</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出统计表…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>No members on the roll yet: add them on the Members page. Attendance at party lectures and theme days is recorded here by itself.</source>
        <translation>还没有在册党员：请先在“党员”页添加。参加党课、主题党日的学时会自动记入本页。</translation>
    </message>
    <message>
        <source>Adding up the study hours of the year…</source>
        <translation>正在统计本年度学时…</translation>
    </message>
    <message>
        <source>The study hours could not be added up: {reason}</source>
        <translation>未能统计学时：{reason}</translation>
    </message>
    <message>
        <source>{members} members, {hours} hours in all; {reached} of {with_target} reached the target; {behind} behind the pace. Exempt members (art. 23) are not counted.</source>
        <translation>共{members}名党员，合计{hours}学时；{with_target}名应达标党员中{reached}名已完成，{behind}名落后于进度。免于要求的党员（第二十三条）不计入。</translation>
    </message>
    <message>
        <source>Choose a member in the table first.</source>
        <translation>请先在表中选择一名党员。</translation>
    </message>
    <message>
        <source>Import study hours</source>
        <translation>导入学时</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Blank import template</source>
        <translation>空白导入模板</translation>
    </message>
    <message>
        <source>study hours template.xlsx</source>
        <translation>学时导入模板.xlsx</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
    <message>
        <source>Export the study table</source>
        <translation>导出学时统计表</translation>
    </message>
    <message>
        <source>study table {year}.xlsx</source>
        <translation>{year}年度学时统计表.xlsx</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Study table {year}</source>
        <translation>{year}年度学时统计表</translation>
    </message>
</context>
<context>
    <name>StudyReminders</name>
    <message>
        <source>Study hours behind the pace</source>
        <translation>学时落后于进度</translation>
    </message>
    <message>
        <source>Working out the study hours of the year…</source>
        <translation>正在统计本年度学时…</translation>
    </message>
    <message>
        <source>The study hours could not be worked out: {reason}</source>
        <translation>未能统计学时：{reason}</translation>
    </message>
    <message>
        <source>{name}: {hours} of {target} hours this year (on pace: {expected})</source>
        <translation>{name}：本年度已学{hours}学时，年度要求{target}学时（按进度应达{expected}学时）</translation>
    </message>
    <message>
        <source>{count} more members: see Study record.</source>
        <translation>另有{count}名党员：请看“学习教育”页。</translation>
    </message>
</context>
<context>
    <name>StudySettingsDialog</name>
    <message>
        <source>Study record settings</source>
        <translation>学习教育设置</translation>
    </message>
    <message>
        <source>Annual targets</source>
        <translation>年度学时要求</translation>
    </message>
    <message>
        <source>Members (art. 20: at least 32):</source>
        <translation>党员（第二十条：一般不少于32）：</translation>
    </message>
    <message>
        <source>Secretary and committee members:</source>
        <translation>支部书记和委员：</translation>
    </message>
    <message>
        <source>Converting time to hours</source>
        <translation>学时折算</translation>
    </message>
    <message>
        <source>Hours per clock hour:</source>
        <translation>每小时折合学时：</translation>
    </message>
    <message>
        <source>A half day counts as:</source>
        <translation>半天折合学时：</translation>
    </message>
    <message>
        <source>A half day from (minutes):</source>
        <translation>满多少分钟按半天计：</translation>
    </message>
    <message>
        <source>A day counts as:</source>
        <translation>一天折合学时：</translation>
    </message>
    <message>
        <source>A day from (minutes):</source>
        <translation>满多少分钟按一天计：</translation>
    </message>
    <message>
        <source>A meeting without times:</source>
        <translation>未填起止时间的会议：</translation>
    </message>
    <message>
        <source>Attendance that counts as study</source>
        <translation>计入学时的会议</translation>
    </message>
    <message>
        <source>Members marked present get the meeting&apos;s hours by themselves; a change of attendance changes them. Saving counts the meetings of the year shown again.</source>
        <translation>标为出席的党员自动记入该会议的学时，出席情况变化时学时随之变化。保存时按新设置重新计算当前所选年度的会议学时。</translation>
    </message>
</context>
<context>
    <name>StudyTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>年度要求</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>尚差</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Secretary or committee member: target {hours} hours</source>
        <translation>支部书记或委员：年度要求{hours}学时</translation>
    </message>
    <message>
        <source>No longer in the branch</source>
        <translation>已不在本支部</translation>
    </message>
    <message>
        <source>Exempt ({reason})</source>
        <translation>免于要求（{reason}）</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Behind the pace (on pace: {hours})</source>
        <translation>落后于进度（按进度应达{hours}）</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>StudyTexts</name>
    <message>
        <source>Collective study</source>
        <translation>集中学习</translation>
    </message>
    <message>
        <source>Party lecture</source>
        <translation>党课</translation>
    </message>
    <message>
        <source>Theme party day</source>
        <translation>主题党日</translation>
    </message>
    <message>
        <source>Training course</source>
        <translation>专题培训/培训班</translation>
    </message>
    <message>
        <source>Online study</source>
        <translation>网络学习</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Old age</source>
        <translation>年老</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>患病</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Target of members</source>
        <translation>党员年度要求</translation>
    </message>
    <message>
        <source>Target of the committee</source>
        <translation>书记和委员年度要求</translation>
    </message>
    <message>
        <source>Hours per clock hour</source>
        <translation>每小时折合学时</translation>
    </message>
    <message>
        <source>A half day</source>
        <translation>半天折合学时</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>一天折合学时</translation>
    </message>
    <message>
        <source>A meeting without times</source>
        <translation>未填起止时间的会议</translation>
    </message>
    <message>
        <source>A day from</source>
        <translation>按一天计的时长</translation>
    </message>
    <message>
        <source>no member on the roll has it</source>
        <translation>没有在册党员与之相符</translation>
    </message>
    <message>
        <source>several members have this name: add the ID number</source>
        <translation>有多名党员同名，请填写身份证号</translation>
    </message>
    <message>
        <source>differs from the register (the ID number decides)</source>
        <translation>与党员名册不一致（以身份证号为准）</translation>
    </message>
    <message>
        <source>this member is no longer in the branch: the row is left out</source>
        <translation>该党员已不在本支部，此行不导入</translation>
    </message>
    <message>
        <source>this study is already in the record: the row is left out</source>
        <translation>这条学习记录已经存在，此行不再导入</translation>
    </message>
    <message>
        <source>is not a number of hours</source>
        <translation>不是学时数</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>应大于0</translation>
    </message>
    <message>
        <source>is more than 500 hours</source>
        <translation>超过500学时</translation>
    </message>
    <message>
        <source>has more than two decimals</source>
        <translation>小数超过两位</translation>
    </message>
    <message>
        <source>comes from a meeting&apos;s attendance: change the attendance instead</source>
        <translation>由会议出席情况记入，请修改该会议的出席情况</translation>
    </message>
    <message>
        <source>must be longer than a half day</source>
        <translation>应长于半天的时长</translation>
    </message>
    <message>
        <source>no sheet has a header row naming the person (name or ID number), date, course and hours</source>
        <translation>没有工作表的表头同时包含人员（姓名或身份证号）、日期、课程和学时</translation>
    </message>
    <message>
        <source>the same study of the same member is also in row {row}</source>
        <translation>第 {row} 行已有该党员的同一条学习记录</translation>
    </message>
    <message>
        <source>“{value}”: {problem}</source>
        <translation>“{value}”：{problem}</translation>
    </message>
    <message>
        <source>File {file}: {problem}</source>
        <translation>文件 {file}：{problem}</translation>
    </message>
    <message>
        <source>File {file}, sheet {sheet}, row {row}, column {column} ({field}): {problem}</source>
        <translation>文件 {file}，工作表 {sheet}，第 {row} 行，{column} 列（{field}）：{problem}</translation>
    </message>
    <message>
        <source>File {file}, sheet {sheet}, row {row}: {problem}</source>
        <translation>文件 {file}，工作表 {sheet}，第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>Warning: {line}</source>
        <translation>提示：{line}</translation>
    </message>
    <message>
        <source>{read} rows read: {errors} errors, {warnings} warnings. Nothing is imported until the errors are corrected.</source>
        <translation>读取{read}行：{errors}处错误，{warnings}处提示。改正错误之前不会导入任何数据。</translation>
    </message>
    <message>
        <source>{read} rows read: {rows} to import ({hours} hours), {already} already in the record; {warnings} warnings.</source>
        <translation>读取{read}行：待导入{rows}行（{hours}学时），{already}行已有记录；{warnings}处提示。</translation>
    </message>
    <message>
        <source>Nothing was imported: correct the {errors} errors in {file} and import again.</source>
        <translation>没有导入任何数据：请改正 {file} 中的{errors}处错误后重新导入。</translation>
    </message>
    <message>
        <source>Imported: {applied} study entries ({hours} hours); {already} already in the record were left out.</source>
        <translation>已导入{applied}条学习记录（{hours}学时）；{already}条已有记录，未重复导入。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Member history</source>
        <translation>党员变动记录</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席记录</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Minutes amendment</source>
        <translation>会议记录更正</translation>
    </message>
    <message>
        <source>Dues base</source>
        <translation>党费基数</translation>
    </message>
    <message>
        <source>Dues relief</source>
        <translation>党费减免</translation>
    </message>
    <message>
        <source>Dues payment</source>
        <translation>党费缴纳</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>platform unreachable</source>
        <translation>无法连接平台</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>未获授权</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>平台应答异常</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>未注册</translation>
    </message>
    <message>
        <source>deletions to confirm</source>
        <translation>待确认删除</translation>
    </message>
    <message>
        <source>other error</source>
        <translation>其他错误</translation>
    </message>
    <message>
        <source>Synchronization cancelled; the next one continues where it stopped.</source>
        <translation>同步已取消，下次同步将从中断处继续。</translation>
    </message>
    <message>
        <source>Synchronized: {pushed} changes sent, {pulled} received, {conflicts} conflicts, {rejected} refused by the platform.</source>
        <translation>已同步：发送 {pushed} 项更改，接收 {pulled} 项，冲突 {conflicts} 项，平台拒收 {rejected} 项。</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Synchronize now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Platform notices</source>
        <translation>平台通知</translation>
    </message>
    <message>
        <source>History</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{count} changes wait to be sent to the platform.</source>
        <translation>有 {count} 项更改等待发送到平台。</translation>
    </message>
    <message>
        <source>Last synchronization: {time}, {result}.</source>
        <translation>上次同步：{time}，{result}。</translation>
    </message>
    <message>
        <source>Sync: not enrolled</source>
        <translation>同步：未注册</translation>
    </message>
    <message>
        <source>Sync: {count} conflicts to decide</source>
        <translation>同步：{count} 项冲突待处理</translation>
    </message>
    <message>
        <source>Sync: last attempt failed</source>
        <translation>同步：上次同步失败</translation>
    </message>
    <message>
        <source>Sync: {count} changes waiting</source>
        <translation>同步：{count} 项更改待发送</translation>
    </message>
    <message>
        <source>Sync: up to date</source>
        <translation>同步：已是最新</translation>
    </message>
    <message>
        <source>Sync: synchronizing…</source>
        <translation>同步：正在同步…</translation>
    </message>
    <message>
        <source>Synchronizing with the platform…</source>
        <translation>正在与平台同步…</translation>
    </message>
    <message>
        <source>Remove these records from this PC now?</source>
        <translation>现在从本机删除这些记录吗？</translation>
    </message>
    <message>
        <source>Sync: {message}</source>
        <translation>同步：{message}</translation>
    </message>
    <message>
        <source>The platform does not answer; retrying (attempt {number})…</source>
        <translation>平台无应答，正在重试（第 {number} 次）…</translation>
    </message>
    <message>
        <source>Monthly base</source>
        <translation>月基数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount owed</source>
        <translation>应缴党费</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Remove them from this PC</source>
        <translation>从本机删除</translation>
    </message>
    <message>
        <source>Dues category change</source>
        <translation>党费人员类别变更</translation>
    </message>
    <message>
        <source>Quarterly dues payment</source>
        <translation>按季交纳党费</translation>
    </message>
    <message>
        <source>Study entry</source>
        <translation>学习记录</translation>
    </message>
    <message>
        <source>Study exemption</source>
        <translation>免于学时要求</translation>
    </message>
    <message>
        <source>Democratic appraisal</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <source>Opinion or suggestion</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>Person in a talk</source>
        <translation>谈话人员</translation>
    </message>
    <message>
        <source>Rectification item</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Disclosure item</source>
        <translation>党务公开事项</translation>
    </message>
    <message>
        <source>Disclosure feedback</source>
        <translation>党务公开反馈意见</translation>
    </message>
    <message>
        <source>Double-click a notice to open it: attachments and the branch&apos;s answer</source>
        <translation>双击通知打开：查看附件，填写本支部的回复</translation>
    </message>
    <message>
        <source>Platform notices: {notices} new; {answers} answers sent.</source>
        <translation>平台通知：新收到 {notices} 条；已发送 {answers} 条回复。</translation>
    </message>
    <message>
        <source>Annual statistics</source>
        <translation>党内统计</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <source>Talk</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>New talk</source>
        <translation>新建谈话</translation>
    </message>
    <message>
        <source>e.g. thoughts on the year&apos;s work</source>
        <translation>如：交流本年度工作体会</translation>
    </message>
    <message>
        <source>Find a name…</source>
        <translation>查找姓名…</translation>
    </message>
    <message>
        <source>What was talked about, in a few lines</source>
        <translation>简要记录谈话内容</translation>
    </message>
    <message>
        <source>Empty: no follow-up needed</source>
        <translation>不填表示无需跟进</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>People</source>
        <translation>谈话人员</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需跟进事项</translation>
    </message>
    <message>
        <source> (committee)</source>
        <translation>（委员）</translation>
    </message>
    <message>
        <source>Chosen: {names}</source>
        <translation>已选：{names}</translation>
    </message>
    <message>
        <source>Check two or more people.</source>
        <translation>请勾选两人或多人。</translation>
    </message>
    <message>
        <source>Enter the date of the talk, e.g. 2026-10-12.</source>
        <translation>请填写谈话日期，如 2026-10-12。</translation>
    </message>
</context>
<context>
    <name>TalkReminders</name>
    <message>
        <source>Heart-to-heart talks</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>{year}: {missing} of {required} pairs have not talked yet ({committee} between committee members, {members} between committee members and members). Not yet covered: {names}. See the 谈心谈话 page.</source>
        <translation>{year}年：应谈 {required} 对，尚有 {missing} 对未谈话（委员之间 {committee} 对，委员与党员之间 {members} 对）。尚未谈到：{names}。详见“谈心谈话”页。</translation>
    </message>
</context>
<context>
    <name>TalkTexts</name>
    <message>
        <source>Heart-to-heart talk</source>
        <translation>谈心</translation>
    </message>
    <message>
        <source>Reminder talk</source>
        <translation>提醒谈话</translation>
    </message>
    <message>
        <source>Committee members with each other</source>
        <translation>委员之间</translation>
    </message>
    <message>
        <source>Committee member with member</source>
        <translation>委员与党员</translation>
    </message>
</context>
<context>
    <name>TalksPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>People</source>
        <translation>谈话人员</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需跟进事项</translation>
    </message>
    <message>
        <source>No talks recorded for this year: click “New talk”.</source>
        <translation>本年尚无谈话记录：点击“新建谈话”。</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Committee member</source>
        <translation>支部委员</translation>
    </message>
    <message>
        <source>With</source>
        <translation>谈话对象</translation>
    </message>
    <message>
        <source>Nothing missing.</source>
        <translation>均已谈话。</translation>
    </message>
    <message>
        <source>New talk</source>
        <translation>新建谈话</translation>
    </message>
    <message>
        <source>Export the year…</source>
        <translation>导出本年记录…</translation>
    </message>
    <message>
        <source>The year&apos;s talks and the pairs not yet covered, as an Excel workbook</source>
        <translation>本年谈话记录及尚未谈话的人员，导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Committee members with each other, committee members with members and members with each other talk at least once a year (支部工作条例 第19条).</source>
        <translation>党支部委员之间、党支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次（支部工作条例第十九条）。</translation>
    </message>
    <message>
        <source>{count} talks</source>
        <translation>共 {count} 次谈话</translation>
    </message>
    <message>
        <source>No pairs are required: the branch has no committee members on the roll (set a member&apos;s branch post).</source>
        <translation>无应谈人员：名册中没有支部委员（请在党员信息中设置支部职务）。</translation>
    </message>
    <message>
        <source>All {required} pairs have talked this year.</source>
        <translation>本年应谈的 {required} 对均已谈话。</translation>
    </message>
    <message>
        <source>{covered} of {required} pairs have talked this year; not yet: {missing} (listed below).</source>
        <translation>本年应谈 {required} 对，已谈 {covered} 对，尚未谈话 {missing} 对（见下表）。</translation>
    </message>
    <message>
        <source>Delete the talk</source>
        <translation>删除谈话记录</translation>
    </message>
    <message>
        <source>Delete this talk? Delete only a talk entered by mistake.</source>
        <translation>删除这条谈话记录？只删除误录的记录。</translation>
    </message>
    <message>
        <source>Export the year&apos;s talks</source>
        <translation>导出本年谈话记录</translation>
    </message>
    <message>
        <source>talks {year}.xlsx</source>
        <translation>谈心谈话{year}.xlsx</translation>
    </message>
    <message>
        <source>{count} talks exported: {file}</source>
        <translation>已导出 {count} 次谈话：{file}</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在生成工作簿…</translation>
    </message>
</context>
<context>
    <name>TransferInDialog</name>
    <message>
        <source>Transfer in</source>
        <translation>组织关系转入</translation>
    </message>
    <message>
        <source>the party organization that sent the letter</source>
        <translation>开具介绍信的党组织</translation>
    </message>
</context>
<context>
    <name>TransferOutDialog</name>
    <message>
        <source>Transfer out: letter of introduction</source>
        <translation>组织关系转出：开具介绍信</translation>
    </message>
    <message>
        <source>the number printed on all three parts</source>
        <translation>存根、介绍信、回执共用的编号</translation>
    </message>
    <message>
        <source>the party organization receiving</source>
        <translation>接收组织关系的党组织</translation>
    </message>
    <message>
        <source>e.g. 工作调动</source>
        <translation>如：工作调动</translation>
    </message>
    <message>
        <source>Until its receipt comes back the member stays this branch&apos;s responsibility (awaiting receipt) and is listed apart; the letter is then printed from the member&apos;s record.</source>
        <translation>回执收回前，该党员仍由本支部管理（转出待接收），单独列出；介绍信随后可从党员档案中打印。</translation>
    </message>
</context>
<context>
    <name>TransferReminders</name>
    <message>
        <source>Transfers of membership</source>
        <translation>组织关系转接</translation>
    </message>
    <message>
        <source>Looking for letters of introduction…</source>
        <translation>正在查看组织关系介绍信…</translation>
    </message>
    <message>
        <source>The transfers could not be checked: {reason}</source>
        <translation>无法检查组织关系转接：{reason}</translation>
    </message>
    <message>
        <source>{name}: the letter of introduction {number} to {destination} was valid until {date}, and its receipt has not come back.</source>
        <translation>{name}：转往{destination}的介绍信（{number}）有效期至 {date}，回执尚未收回。</translation>
    </message>
    <message>
        <source>{name}: away in {place} since {date} (six months or more): the membership should be transferred.</source>
        <translation>{name}：自 {date} 起外出在{place}（已满六个月）：应转接组织关系。</translation>
    </message>
    <message>
        <source>{count} more: see Members › Register › Awaiting receipt.</source>
        <translation>另有 {count} 项：见 党员 › 党员名册 › 转出待接收。</translation>
    </message>
</context>
<context>
    <name>TransferSettingsBox</name>
    <message>
        <source>Transfers of membership</source>
        <translation>组织关系转接</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>the month after the paid-up month on the letter</source>
        <translation>介绍信所注党费交到月份的次月</translation>
    </message>
    <message>
        <source>the month the member arrives</source>
        <translation>转入当月</translation>
    </message>
    <message>
        <source>empty: the higher party organization</source>
        <translation>留空：上级党组织</translation>
    </message>
    <message>
        <source>A letter of introduction is valid for:</source>
        <translation>介绍信有效期：</translation>
    </message>
    <message>
        <source>Dues of a member transferred in start from:</source>
        <translation>转入党员党费起交月份：</translation>
    </message>
    <message>
        <source>Committee sealing the letters:</source>
        <translation>开具介绍信（盖章）的党委：</translation>
    </message>
    <message>
        <source>Its address:</source>
        <translation>通讯地址：</translation>
    </message>
    <message>
        <source>Its phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Its postcode:</source>
        <translation>邮编：</translation>
    </message>
    <message>
        <source>The national rule: dues are owed from the month after the month the letter says they are paid up to; months charged by no branch or by both are pointed out when a member is transferred in. The committee&apos;s address and phone print on each letter.</source>
        <translation>全国规定：自介绍信所注党费交到月份的次月起交纳；转入党员时会指出无人收缴或重复收缴的月份。党委的通讯地址和电话印在每份介绍信上。</translation>
    </message>
    <message>
        <source>Save transfer settings</source>
        <translation>保存组织关系转接设置</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>The data is locked.</source>
        <translation>数据已锁定。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Recovery code, e.g. ABCD-EFGH-…</source>
        <translation>恢复码，例如 ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Enter the recovery code you printed or saved:</source>
        <translation>请输入您打印或保存的恢复码：</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>改用口令解锁</translation>
    </message>
    <message>
        <source>Enter the passphrase to unlock:</source>
        <translation>请输入口令解锁：</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the recovery code</source>
        <translation>忘记口令？使用恢复码</translation>
    </message>
    <message>
        <source>Enter the recovery code.</source>
        <translation>请输入恢复码。</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>Unlock (wait {seconds} s)</source>
        <translation>解锁（请等待 {seconds} 秒）</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>从以下文件恢复</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>正在检查并恢复备份…</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <source>Entitled to vote and quorum</source>
        <translation>表决权与法定人数</translation>
    </message>
    <message>
        <source>Entitled to vote:</source>
        <translation>有表决权人数：</translation>
    </message>
    <message>
        <source>Of them present:</source>
        <translation>其中到会：</translation>
    </message>
    <message>
        <source>Quorum:</source>
        <translation>法定人数：</translation>
    </message>
    <message>
        <source>e.g. 接收张三同志为中共预备党员</source>
        <translation>例如：接收张三同志为中共预备党员</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>赞成</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstaining</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Record vote</source>
        <translation>记录表决</translation>
    </message>
    <message>
        <source>Record a vote</source>
        <translation>记录一项表决</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>票数：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>表决结果：</translation>
    </message>
    <message>
        <source>No votes yet: fill in the form above and click “Record vote”.</source>
        <translation>尚无表决：填好上面的表单后点击“记录表决”。</translation>
    </message>
    <message>
        <source>Matter voted on</source>
        <translation>表决事项</translation>
    </message>
    <message>
        <source>Entitled / present</source>
        <translation>有表决权 / 到会</translation>
    </message>
    <message>
        <source>For / against / abstaining</source>
        <translation>赞成 / 反对 / 弃权</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>法定人数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Votes recorded at this meeting:</source>
        <translation>本次会议已记录的表决：</translation>
    </message>
    <message>
        <source>The vote was recorded and the meeting saved.</source>
        <translation>表决已记录，会议已保存。</translation>
    </message>
    <message>
        <source>{n} full members</source>
        <translation>{n} 名正式党员</translation>
    </message>
    <message>
        <source>Quorum met: {present} of {entitled} present, more than half.</source>
        <translation>已达到法定人数：有表决权的 {entitled} 人中到会 {present} 人，超过半数。</translation>
    </message>
    <message>
        <source>No quorum: {present} of {entitled} present — more than half ({needed}) are needed. Resolutions of this meeting are not valid.</source>
        <translation>未达到法定人数：有表决权的 {entitled} 人中仅到会 {present} 人，须超过半数（至少 {needed} 人）。本次会议作出的决议无效。</translation>
    </message>
    <message>
        <source>Shown once the meeting&apos;s date and topics are filled in.</source>
        <translation>填写会议日期和议题后显示。</translation>
    </message>
    <message>
        <source>Enter the votes; the result is shown here.</source>
        <translation>填入票数后，这里显示表决结果。</translation>
    </message>
    <message>
        <source>Passed: {for_} in favour, more than half of the {entitled} entitled to vote.</source>
        <translation>通过：赞成 {for_} 票，超过有表决权人数 {entitled} 人的半数。</translation>
    </message>
    <message>
        <source>Not passed: the meeting has no quorum.</source>
        <translation>未通过：会议未达到法定人数。</translation>
    </message>
    <message>
        <source>Not passed: {for_} in favour; at least {needed} of the {entitled} entitled to vote are needed.</source>
        <translation>未通过：赞成 {for_} 票；须有表决权的 {entitled} 人中至少 {needed} 人赞成。</translation>
    </message>
    <message>
        <source>{entitled} / {present}</source>
        <translation>{entitled} / {present}</translation>
    </message>
    <message>
        <source>{for_} / {against} / {abstain}</source>
        <translation>{for_} / {against} / {abstain}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Full members on the roll are entitled to vote; probationary members attend but do not vote. The meeting is valid only when more than half of those entitled are present, and a resolution passes only with more than half of those entitled — not of those present — in favour. Written opinions of those absent (attendance key 4) count in the votes, not in the quorum.</source>
        <translation>在册正式党员有表决权；预备党员可以参加会议，但没有表决权。到会有表决权的党员超过应到会有表决权党员的半数，会议方为有效；赞成票超过应到会有表决权党员的半数（不是到会人数的半数），决议方可通过。因故缺席、会前提交书面意见的（在“出席情况”中按 4 标记），计入票数，不计入到会人数。</translation>
    </message>
    <message>
        <source>Absent, written opinion:</source>
        <translation>缺席（书面意见）：</translation>
    </message>
    <message>
        <source>Other resolution</source>
        <translation>其他决议事项</translation>
    </message>
    <message>
        <source>Decides:</source>
        <translation>表决内容：</translation>
    </message>
    <message>
        <source>(choose the person)</source>
        <translation>（选择表决对象）</translation>
    </message>
    <message>
        <source>{entitled} / {present} (+{written} written)</source>
        <translation>{entitled} / {present}（另书面意见 {written}）</translation>
    </message>
</context>
<context>
    <name>_MemberDialog</name>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
</context>
<context>
    <name>_WarningsFirst</name>
    <message>
        <source>Click OK again to record it all the same.</source>
        <translation>仍要登记，请再次点击“确定”。</translation>
    </message>
</context>
</TS>
