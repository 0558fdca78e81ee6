"""``python -m server``: run the reference platform server, or administer it.

    python -m server [--database URL] [--host 127.0.0.1] [--port 8765]
    python -m server [--database URL] admin create-branch --code CODE --name NAME
    python -m server [--database URL] admin issue-code BRANCH [--valid-days 7]
    python -m server [--database URL] admin notice (--branch BRANCH | --all) --title T --body B
    python -m server [--database URL] admin rotate-epoch
    python -m server --print-openapi

The database defaults to ``branchdesk-server.db`` (SQLite) in the working directory;
``postgresql+psycopg://user@host/db`` runs it on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import sys

from server import db
from server.api import create_app
from server.store import NotFound, Store


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=db.default_url(), help="SQLAlchemy database URL")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--print-openapi", action="store_true",
                        help="print the OpenAPI document (the protocol spec) and exit")
    commands = parser.add_subparsers(dest="command")
    admin = commands.add_parser("admin", help="platform administration").add_subparsers(
        dest="action", required=True
    )
    create = admin.add_parser("create-branch", help="create a branch; prints its id")
    create.add_argument("--code", required=True)
    create.add_argument("--name", required=True)
    issue = admin.add_parser("issue-code", help="print a one-time enrollment code")
    issue.add_argument("branch", help="branch code or id")
    issue.add_argument("--valid-days", type=int, default=7)
    notice = admin.add_parser("notice", help="publish a notice")
    target = notice.add_mutually_exclusive_group(required=True)
    target.add_argument("--branch")
    target.add_argument("--all", action="store_true")
    notice.add_argument("--title", required=True)
    notice.add_argument("--body", required=True)
    admin.add_parser("rotate-epoch", help="new epoch, as after a restore from a backup")
    return parser


def openapi_document() -> dict[str, object]:
    return create_app(Store(db.make_engine("sqlite://"))).openapi()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.print_openapi:
        print(json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True))
        return 0
    store = Store(db.make_engine(args.database))
    if args.command == "admin":
        try:
            return _admin(args, store)
        except NotFound as missing:
            print(f"no such branch: {missing}", file=sys.stderr)
            return 1
    import uvicorn

    uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="warning")
    return 0


def _admin(args: argparse.Namespace, store: Store) -> int:
    if args.action == "create-branch":
        print(store.create_branch(args.code, args.name))
    elif args.action == "issue-code":
        print(store.issue_code(store.find_branch(args.branch), args.valid_days))
    elif args.action == "notice":
        branch_id = None if args.all else store.find_branch(args.branch)
        print(store.publish_notice(branch_id, args.title, args.body))
    elif args.action == "rotate-epoch":
        print(store.rotate_epoch())
    return 0


if __name__ == "__main__":
    sys.exit(main())
