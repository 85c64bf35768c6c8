package org.democracyclub.ee.infra.settings;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the application itself calls in AWS, per environment (the app's fact sheet, "What the
 * app calls in AWS"): the S3 buckets it reads and writes and, always, {@code events:PutEvents} on
 * the account's default event bus. The instance role grants exactly these. Each bucket is a
 * setting whose default is production's value; an empty value grants nothing.
 *
 * @param noticeOfElectionBucket read/write: notice-of-election PDFs ({@code AWS_STORAGE_BUCKET_NAME})
 * @param databaseBackupBucket   write under {@link #BACKUP_PREFIX}: the nightly {@code pg_dump}
 * @param dataCacheBucket        write: the WKT ballots export ({@code ee.data-cache.<environment>})
 * @param boundaryReviewBucket   read/write: {@code BOUNDARY_REVIEW_BUCKET}, if the app uses one here
 * @param publicDataBucket       read/write: {@code PUBLIC_DATA_BUCKET}, if the app uses one here
 */
public record AppAccess(
        Optional<String> noticeOfElectionBucket,
        Optional<String> databaseBackupBucket,
        Optional<String> dataCacheBucket,
        Optional<String> boundaryReviewBucket,
        Optional<String> publicDataBucket) {

    /** {@code serverscripts/backup_db_to_s3.sh} writes {@code s3://<bucket>/every_election/...}. */
    public static final String BACKUP_PREFIX = "every_election/";

    /**
     * S3 general purpose bucket names (S3 user guide, "Bucket naming rules"): 3 to 63 lower-case
     * letters, digits, dots and hyphens, starting and ending with a letter or digit.
     */
    static final Pattern BUCKET = Pattern.compile("(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]");
    static final String BUCKET_RULE = "empty (no access), or an S3 bucket name: 3 to 63 lower-case letters, digits,"
            + " '.' and '-', starting and ending with a letter or digit";
}
