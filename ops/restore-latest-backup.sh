#!/bin/bash
# Restores the newest database backup from the backup bucket into a new scratch database and
# checks that it holds tables (docs/operations.md, "Restoring a backup").
#
#   ops/restore-latest-backup.sh [--bucket NAME] [--prefix PREFIX] [--database NAME]
#
# AWS credentials and region come from the AWS CLI's usual chain; the PostgreSQL server from
# libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). The database must not exist yet: the
# script never writes into an existing one. Needs the AWS CLI and the PostgreSQL client tools
# (a pg_restore at least as new as the server that made the dump); a dump of the app's database
# needs the PostGIS extension available on the scratch server.
set -euo pipefail

bucket=dc-ee-production-database-backups
prefix=every_election/
database="ee_restore_$(date -u +%Y%m%d%H%M%S)"

usage() {
    echo "usage: $0 [--bucket NAME] [--prefix PREFIX] [--database NAME]" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --bucket) [ $# -ge 2 ] || usage; bucket=$2; shift 2 ;;
        --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
        --database) [ $# -ge 2 ] || usage; database=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
done

# The newest object under the prefix (the backup job writes <YYYY-MM-DD-HH>-backup.dump).
key=$(aws s3api list-objects-v2 --bucket "$bucket" --prefix "$prefix" \
    --query 'sort_by(Contents, &LastModified)[-1].Key' --output text)
if [ -z "$key" ] || [ "$key" = "None" ]; then
    echo "no backup under s3://$bucket/$prefix; check the bucket, the prefix and the backup job's log" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Downloading s3://$bucket/$key"
aws s3 cp "s3://$bucket/$key" "$work/backup.dump" --only-show-errors

echo "Creating database $database"
createdb "$database"
# Owners and grants belong to the production roles, which a scratch server does not have.
pg_restore --no-owner --no-acl --exit-on-error --dbname "$database" "$work/backup.dump"

tables=$(psql -X -A -t -d "$database" -c \
    "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" -eq 0 ]; then
    echo "restored s3://$bucket/$key into $database, but it has no tables in schema public" >&2
    exit 1
fi
echo "Restored s3://$bucket/$key into database $database: $tables tables in schema public"
