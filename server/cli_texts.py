"""The Chinese of ``python -m server``'s help texts and of the reasons its commands give (its
administrators are the city's staff).

The server has no Qt translations; ``sync.argparse_zh.localize`` applies this table to the parser
that ``server.__main__.build_parser`` builds in English. A test fails on a help text missing here.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "``python -m server``: run the reference platform server, or administer it.":
        "python -m server：运行参考平台服务器，或管理它。",
    "SQLAlchemy database URL": "SQLAlchemy 数据库地址",
    "server processes (PostgreSQL: default one per CPU; SQLite: 1)":
        "服务器进程数（PostgreSQL：默认每个 CPU 一个；SQLite：1）",
    "print the OpenAPI document (the protocol spec) and exit":
        "输出 OpenAPI 文档（同步协议规范）后退出",
    "platform administration": "平台管理",
    "create a branch; prints its id": "创建支部，输出其标识",
    "print a one-time enrollment code": "输出一次性设备注册码",
    "branch code or id": "支部代码或标识",
    "publish a notice": "发布通知",
    "new epoch, as after a restore from a backup":
        "标记平台数据已从备份恢复（各电脑随后重新发送未确认的更改，并重新接收数据）",
    "the address to listen on (default 127.0.0.1: this machine only)":
        "监听地址（默认 127.0.0.1：仅本机可访问）",
    "the port to listen on (default 8765)": "监听端口（默认 8765）",
    "the branch's organization code": "支部的组织代码",
    "the branch's full name": "支部全称",
    "days the code stays valid (default 7)": "注册码有效天数（默认 7 天）",
    "to this branch only (code or id)": "只发给该支部（代码或标识）",
    "to every branch": "发给所有支部",
    "the notice's title": "通知标题",
    "the notice's text": "通知正文",
    "the key file to write": "要写出的密钥文件",
    "the key file from the PC": "电脑提供的密钥文件",
    "the device's id ('admin devices' lists them)": "设备标识（admin devices 可列出）",
    "the bundle file from the PC": "电脑导出的同步包文件",
    "write the platform's public bundle key file for air-gapped PCs":
        "为离线电脑写出平台的同步包公钥文件",
    "register a PC's bundle key file (from 'sync device-key')":
        "登记一台电脑的同步包密钥文件（由 sync device-key 生成）",
    "import a PC's bundle file and write the return bundle": "导入电脑的同步包文件并写出回执同步包",
    "the return bundle to write (default: FILE-return.bdsync beside it)":
        "要写出的回执同步包（默认：同目录下的 FILE-return.bdsync）",
    # main's admin commands added alongside this table (devices, revoke-device).
    "a branch's devices and their last sync": "列出支部的设备及其最近同步时间",
    "revoke a device (token and bundle keys)": "吊销设备（令牌和同步包密钥）",
    "--workers must be at least 1": "--workers 至少为 1",
    "--workers: SQLite serves from one process (use PostgreSQL for more)":
        "--workers：SQLite 只能用一个进程（需要更多进程请使用 PostgreSQL）",
    # 意见建议 filed on the platform (server.opinions, issue 17).
    "make a new token for the portal's opinion endpoints (the old one stops working)":
        "生成门户意见建议接口的新令牌（原令牌随即失效）",
    "file an opinion for a branch, as the portal does; prints its id":
        "像门户一样为支部提交一条意见建议，输出其标识",
    "business, party_building, conduct or other":
        "business（业务工作）、party_building（党建工作）、conduct（作风建设）或 other（其他）",
    "what the member wrote": "党员提交的内容",
    "the member's name": "党员姓名",
    "filed anonymously": "匿名提交",
    "an opinion's status and answer on the platform": "查看平台上一条意见建议的办理状态和答复",
    "the id file-opinion printed": "file-opinion 输出的标识",
    # Notices as tasks (server.notices, issue 18).
    "the day the branches answer by (e.g. 2026-12-31)": "各支部回复的截止日期（如 2026-12-31）",
    "what the branches answer: none, read (已阅), text or file":
        "要求的回复：none（无需回复）、read（已阅）、text（文字回复）或 file（上报文件）",
    "attach a file (repeatable; each at most 10 MB)": "附件（可多次使用；每个不超过 10 兆字节）",
    "the branches' answers to a notice": "查看各支部对一条通知的回复",
    "the number 'admin notice' printed": "admin notice 输出的通知编号",
    "save the answered files in this folder": "把支部上报的文件保存到该文件夹",
}

REFUSED: dict[str, str] = {
    "not_a_bundle": "这不是同步数据包文件",
    "truncated": "数据包不完整（可能复制时中断，或介质移除过早）",
    "damaged": "数据包已损坏或被改动（签名、解密或校验未通过）",
    "newer_format": "数据包由更新版本的程序写出，请先升级平台",
    "wrong_kind": "这是平台写出的回执包，不是电脑导出的数据包",
    "unknown_device": "该设备未登记同步包密钥，或已被吊销",
    "gap": "缺少该设备之前的数据包，请先导入更早的数据包",
}
"""Why ``import-bundle`` refused a bundle (``sync.bundle.REASONS`` the platform can give)."""

FAILURES: dict[str, str] = {
    "not a key file": "不是同步包密钥文件（应为电脑 sync device-key 写出的文件）",
    "the key file names no device": "密钥文件没有写明设备",
    "the device is enrolled for another branch": "该设备已在线注册到另一个支部",
}
"""The Chinese of the ValueError texts the administration commands can end with."""
