"""``python -m server``: run the reference platform server, or administer it.

    python -m server [--database URL] [--host 127.0.0.1] [--port 8765] [--workers N]
    python -m server [--database URL] admin create-branch --code CODE --name NAME
    python -m server [--database URL] admin issue-code BRANCH [--valid-days 7]
    python -m server [--database URL] admin notice (--branch BRANCH | --all) --title T --body B
                     [--due YYYY-MM-DD] [--response none|read|text|file] [--attach FILE]...
    python -m server [--database URL] admin answers NOTICE_ID [--save DIR]
    python -m server [--database URL] admin rotate-epoch
    python -m server [--database URL] admin platform-key FILE
    python -m server [--database URL] admin register-device-key BRANCH FILE
    python -m server [--database URL] admin devices BRANCH
    python -m server [--database URL] admin revoke-device DEVICE_ID
    python -m server [--database URL] admin portal-token
    python -m server [--database URL] admin file-opinion BRANCH --category C --content T
    python -m server [--database URL] admin opinion BRANCH OPINION_ID
    python -m server import-bundle FILE [--out FILE] [--database URL]
    python -m server --print-openapi

The database defaults to ``branchdesk-server.db`` (SQLite) in the working directory;
``postgresql+psycopg://user@host/db`` runs it on PostgreSQL, by default in one worker process
per CPU (``--workers``). On SQLite the server is one process: SQLite has a single writer, and
the server serializes its writes with a lock that only threads of one process share.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from server import bundles, db, devices, notices, opinions
from server.api import DATABASE_ENV, create_app
from server.cli_texts import FAILURES, REFUSED, TEXTS
from server.store import AUTH_CACHE_SECONDS, NotFound, Store
from sync.argparse_zh import ChineseArgumentParser, localize
from sync.bundle import BundleRejected, read_file, write_file

if TYPE_CHECKING:
    import uvicorn


class _Parser(ChineseArgumentParser):
    """Help and complaints in Chinese (see ``server.cli_texts``)."""

    texts = TEXTS


def build_parser() -> argparse.ArgumentParser:
    parser = build_english_parser()
    localize(parser, TEXTS)
    return parser


def build_english_parser() -> argparse.ArgumentParser:
    """The parser with its help texts as written here (``build_parser`` puts them in Chinese)."""
    parser = _Parser(prog="python -m server", description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=db.default_url(), metavar="数据库地址",
                        help="SQLAlchemy database URL")
    parser.add_argument("--host", default="127.0.0.1", metavar="地址",
                        help="the address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8765, metavar="端口",
                        help="the port to listen on (default 8765)")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="server processes (PostgreSQL: default one per CPU; SQLite: 1)")
    parser.add_argument("--print-openapi", action="store_true",
                        help="print the OpenAPI document (the protocol spec) and exit")
    commands = parser.add_subparsers(dest="command")
    admin = commands.add_parser("admin", help="platform administration").add_subparsers(
        dest="action", required=True
    )
    create = admin.add_parser("create-branch", help="create a branch; prints its id")
    create.add_argument("--code", required=True, metavar="代码",
                        help="the branch's organization code")
    create.add_argument("--name", required=True, metavar="名称", help="the branch's full name")
    issue = admin.add_parser("issue-code", help="print a one-time enrollment code")
    issue.add_argument("branch", metavar="支部", help="branch code or id")
    issue.add_argument("--valid-days", type=int, default=7, metavar="天数",
                       help="days the code stays valid (default 7)")
    notice = admin.add_parser("notice", help="publish a notice")
    target = notice.add_mutually_exclusive_group(required=True)
    target.add_argument("--branch", metavar="支部", help="to this branch only (code or id)")
    target.add_argument("--all", action="store_true", help="to every branch")
    notice.add_argument("--title", required=True, metavar="标题", help="the notice's title")
    notice.add_argument("--body", required=True, metavar="正文", help="the notice's text")
    notices.add_notice_options(notice)
    admin.add_parser("rotate-epoch", help="new epoch, as after a restore from a backup")
    platform_key = admin.add_parser(
        "platform-key", help="write the platform's public bundle key file for air-gapped PCs"
    )
    platform_key.add_argument("file", type=Path, metavar="文件", help="the key file to write")
    register = admin.add_parser(
        "register-device-key", help="register a PC's bundle key file (from 'sync device-key')"
    )
    register.add_argument("branch", metavar="支部", help="branch code or id")
    register.add_argument("file", type=Path, metavar="文件", help="the key file from the PC")
    listing = admin.add_parser("devices", help="a branch's devices and their last sync")
    listing.add_argument("branch", metavar="支部", help="branch code or id")
    revoke = admin.add_parser("revoke-device", help="revoke a device (token and bundle keys)")
    revoke.add_argument("device_id", metavar="设备标识",
                        help="the device's id ('admin devices' lists them)")
    opinions.add_admin_commands(admin)
    notices.add_admin_commands(admin)
    bundle = commands.add_parser(
        "import-bundle", help="import a PC's bundle file and write the return bundle"
    )
    bundle.add_argument("file", type=Path, metavar="文件", help="the bundle file from the PC")
    bundle.add_argument("--out", type=Path, metavar="文件",
                        help="the return bundle to write (default: FILE-return.bdsync beside it)")
    bundle.add_argument("--database", default=argparse.SUPPRESS, metavar="数据库地址",
                        help="SQLAlchemy database URL")
    return parser


def openapi_document() -> dict[str, object]:
    return create_app(Store(db.make_engine("sqlite://"))).openapi()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    workers = _workers(parser, args) if args.command is None else 1
    if args.print_openapi:
        print(json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True))
        return 0
    store = Store(db.make_engine(args.database))
    if args.command is not None:
        try:
            return _command(args, store)
        finally:
            store.engine.dispose()  # close its connections now (PostgreSQL's, in tests too)
    import uvicorn

    if workers == 1:
        uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="warning")
        return 0
    from uvicorn.supervisors import Multiprocess

    store.engine.dispose()  # the tables exist now; each worker opens its own connections
    os.environ[DATABASE_ENV] = args.database
    config = uvicorn.Config("server.api:app_from_environment", factory=True, workers=workers,
                            host=args.host, port=args.port, log_level="warning")
    # What uvicorn.run does for workers, but with a listening socket that gives every
    # connection TCP_NODELAY (see listening_socket).
    Multiprocess(config, sockets=[listening_socket(config)]).run()
    return 0


def listening_socket(config: uvicorn.Config) -> socket.socket:
    """The socket uvicorn binds for its worker processes, marked as TCP.

    uvicorn creates it with ``proto`` 0; accepted connections inherit that, and asyncio sets
    ``TCP_NODELAY`` only on sockets whose ``proto`` is ``IPPROTO_TCP``. Without it every
    response on a kept-alive connection (headers and body are two writes) waited about 40 ms
    for the client's delayed ACK: the single-process server, which lets asyncio bind, was not
    affected. (uvicorn issue 3149, open in uvicorn 0.54.)"""
    bound = config.bind_socket()
    if bound.family not in (socket.AF_INET, socket.AF_INET6) or bound.proto != 0:
        return bound
    return socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())


def _workers(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if db.is_sqlite(args.database):
        if args.workers not in (None, 1):
            parser.error("--workers: SQLite serves from one process (use PostgreSQL for more)")
        return 1
    return int(args.workers or os.cpu_count() or 1)


def _command(args: argparse.Namespace, store: Store) -> int:
    if args.command == "import-bundle":
        return _import_bundle(args, store)
    try:
        return _admin(args, store)
    except NotFound as missing:
        print(f"没有这个支部：{missing}", file=sys.stderr)
        return 1
    except IntegrityError:
        print(f"支部代码 {args.code} 已被使用，未创建支部。", file=sys.stderr)
        return 1
    except OSError as failure:
        print(_file_failure(failure), file=sys.stderr)
        return 1
    except ValueError as failure:
        print(f"操作被拒绝：{FAILURES.get(str(failure), str(failure))}。", file=sys.stderr)
        return 1


def _file_failure(failure: OSError) -> str:
    """One Chinese line for a file that could not be read or written."""
    why = {errno.ENOENT: "文件不存在", errno.EACCES: "没有权限", errno.EPERM: "没有权限",
           errno.EISDIR: "这是一个文件夹", errno.ENOSPC: "磁盘已满"}.get(
        failure.errno or 0, f"错误码 {failure.errno}")
    return f"无法读取或写入文件 {failure.filename or ''}（{why}）。"


def _admin(args: argparse.Namespace, store: Store) -> int:
    for module in (opinions, notices):
        done = module.run_admin(args, store)
        if done is not None:
            return done
    if args.action == "create-branch":
        branch_id = store.create_branch(args.code, args.name)
        print(f"已创建支部 {args.code}（{args.name}），支部标识：{branch_id}")
    elif args.action == "issue-code":
        code = store.issue_code(store.find_branch(args.branch), args.valid_days)
        print(f"一次性注册码（{args.valid_days} 天内有效，只能使用一次）：{code}")
    elif args.action == "rotate-epoch":
        print(f"已开始新纪元 {store.rotate_epoch()}：各电脑下次同步时会重新发送尚未确认的变更。")
    elif args.action == "platform-key":
        write_file(args.file, bundles.platform_public_key_file(store).encode())
        print(f"平台公钥文件已写入 {args.file}，请交给离线电脑导入。")
    elif args.action == "register-device-key":
        text = args.file.read_text(encoding="utf-8")
        device_id = bundles.register_device_key(store, args.branch, text)
        print(f"已登记设备 {device_id} 的同步包密钥。")
    elif args.action == "devices":
        print(_device_table(devices.branch_devices(store, store.find_branch(args.branch))))
    elif args.action == "revoke-device":
        if not devices.revoke_device(store, args.device_id):
            print(f"没有这个设备，或它已被吊销：{args.device_id}", file=sys.stderr)
            return 1
        print(f"设备 {args.device_id} 已吊销：它的凭据和数据包密钥不再有效"
              f"（正在使用的连接最迟 {AUTH_CACHE_SECONDS:g} 秒后被拒绝）。")
    return 0


def _device_table(listings: list[devices.DeviceListing]) -> str:
    """The administrator's list of a branch's devices (Chinese, one device a line)."""
    if not listings:
        return "该支部没有设备。"
    lines = ["设备ID\t名称\t同步方式\t注册时间\t最后同步\t状态"]
    for device in listings:
        ways = "、".join(w for w, on in (("在线", device.online), ("数据包", device.bundles)) if on)
        state = f"已吊销（{_shown(device.revoked_at)}）" if device.revoked_at else "有效"
        lines.append("\t".join((device.id, device.name or "—", ways,
                                _shown(device.registered_at),
                                _shown(device.last_sync_at) if device.last_sync_at else "从未同步",
                                state)))
    return "\n".join(lines)


def _shown(timestamp: str) -> str:
    """``2026-11-25T22:16:00.000000Z`` as ``2026-11-25 22:16 UTC``."""
    return f"{timestamp[:10]} {timestamp[11:16]} UTC"


def _import_bundle(args: argparse.Namespace, store: Store) -> int:
    out: Path = args.out or args.file.with_name(f"{args.file.stem}-return.bdsync")
    try:
        result = bundles.import_bundle(store, read_file(args.file))
        write_file(out, result.return_bundle)
    except BundleRejected as refused:
        why = REFUSED.get(refused.reason, refused.reason)
        print(f"数据包被拒绝（{why}），未导入任何内容。", file=sys.stderr)
        return 1
    except OSError as failure:
        print(_file_failure(failure), file=sys.stderr)
        return 1
    print(_import_message(result, out))
    return 0


def _import_message(result: bundles.ImportResult, out: Path) -> str:
    """What the administrator is told of an import (Chinese: the platform's administrators)."""
    if result.outcome == "again":
        return (f"设备 {result.device_id} 的第 {result.sequence} 号数据包此前已导入，"
                f"未重复记入任何变更；回执包（第 {result.return_sequence} 号，"
                f"{result.changes} 项变更）已重新写入 {out}。")
    done = (f"已导入设备 {result.device_id} 的第 {result.sequence} 号数据包："
            f"{result.ops} 项变更；回执包（第 {result.return_sequence} 号，"
            f"{result.changes} 项变更）已写入 {out}。")
    if result.outcome == "restored":
        done += (f"\n注意：平台此前已导入该设备的第 {result.last_sequence} 号数据包，"
                 f"这个数据包更早：该电脑可能已从较早的备份恢复（也可能是一份旧副本）。"
                 f"平台已有的变更不会重复记入，平台上的数据以平台为准；请把回执包交给该电脑"
                 f"导入，之后它从第 {result.return_sequence + 1} 号继续。")
    if result.outcome == "platform_restored":
        done += (f"\n注意：平台从备份恢复后只记得该设备的第 {result.last_sequence} 号数据包，"
                 f"这个数据包是第 {result.sequence} 号：中间的数据包已随恢复丢失。已按平台的编号"
                 f"回复（第 {result.return_sequence} 号）；该电脑导入回执包后，会在下一个数据包里"
                 f"重新发送平台尚未确认的全部变更（不会重复记入，也不会删除电脑上的任何数据）。"
                 f"请把回执包交给该电脑导入，再请它导出一个新的数据包带回平台导入。")
    return done


if __name__ == "__main__":
    sys.exit(main())
