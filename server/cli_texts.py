"""The Chinese of ``python -m server``'s help texts (its administrators are the city's staff).

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
    "new epoch, as after a restore from a backup": "开始新纪元（如从备份恢复之后）",
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
}
