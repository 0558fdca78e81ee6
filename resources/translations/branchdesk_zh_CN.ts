<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
      <source>Moving to a new computer? Restore the branch's data from a backup instead of setting up a new branch.</source>
      <translation>更换了电脑？可以从备份恢复本支部的数据，无需重新设置支部。</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>必填</translation>
    </message>
  </context>
  <context>
    <name>Branding</name>
    <message>
      <source>BranchDesk</source>
      <translation>BranchDesk 支部工作台</translation>
    </message>
  </context>
  <context>
    <name>Cli</name>
    <message>
      <source>missing</source>
      <translation>缺少</translation>
    </message>
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
      <source>the branch's full name</source>
      <translation>支部全称</translation>
    </message>
    <message>
      <source>the branch's organization code</source>
      <translation>支部编号</translation>
    </message>
    <message>
      <source>the higher party committee</source>
      <translation>上级党组织</translation>
    </message>
    <message>
      <source>the branch secretary's name</source>
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
      <source>check the database's integrity and audit log</source>
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
      <source>Reminders and this month's to-dos (meetings due, dues not yet paid, members whose next development stage is near) will appear here.</source>
      <translation>提醒事项和本月待办（应召开的会议、未交党费、即将进入下一发展阶段的人员等）将显示在这里。</translation>
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
      <source>The database file is damaged and cannot be read. Restore it from a backup.</source>
      <translation>数据库文件已损坏，无法读取，请从备份恢复。</translation>
    </message>
    <message>
      <source>This database was used by a newer version of BranchDesk. Install the newer version to open it.</source>
      <translation>此数据库已被更高版本的 BranchDesk 使用过，请安装该版本后再打开。</translation>
    </message>
    <message>
      <source>This computer's credential store cannot be used. Enter the passphrase each time instead.</source>
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
      <source>The backup {file} belongs to another branch's database. Nothing was changed.</source>
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
      <source>The passphrase encrypts the branch's data. It is asked for when BranchDesk starts and after it locks itself.</source>
      <translation>口令用于加密本支部的数据。启动 BranchDesk 时以及自动锁定后需要输入口令。</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>创建</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderPage</name>
    <message>
      <source>This part of BranchDesk is not available yet. It arrives in a later version.</source>
      <translation>BranchDesk 的这部分功能尚未提供，将在以后的版本中推出。</translation>
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

This code opens the branch's data when the passphrase is forgotten.
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
    <name>SettingsPage</name>
    <message>
      <source>Passphrase</source>
      <translation>口令</translation>
    </message>
    <message>
      <source>Current passphrase:</source>
      <translation>当前口令：</translation>
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
      <source>The key is kept in this computer's credential store for your user account, so BranchDesk opens without asking. Use it only on a PC that you alone use and that locks its screen.</source>
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
      <source>The passphrase that was in use when the backup {file} was made:</source>
      <translation>制作备份 {file} 时使用的口令：</translation>
    </message>
    <message>
      <source>Checking and restoring the backup…</source>
      <translation>正在检查并恢复备份…</translation>
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
  </context>
</TS>