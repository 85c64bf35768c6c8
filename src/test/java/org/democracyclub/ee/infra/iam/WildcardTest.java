package org.democracyclub.ee.infra.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "s3:GetObject, s3:GetObject, true",
            "s3:Get*, s3:GetObject, true",
            "s3:Get*, s3:PutObject, false",
            "*, anything at all, true",
            "'*', '', true",
            "'', '', true",
            "'', x, false",
            "arn:aws:s3:::ee-*/*, arn:aws:s3:::ee-revisions-1/revisions/a.zip, true",
            "arn:aws:s3:::ee-*/*, arn:aws:s3:::ee-revisions-1, false",
            "ee-?, ee-1, true",
            "ee-?, ee-12, false",
            "ee-?, ee-, false",
            "a*b*c, axxbyyc, true",
            "a*b*c, axxbyyb, false",
            "a*b*c, abcbc, true",
            "*/vcs-ref/*/vcs-ref/*, org/x/vcs-ref/refs/heads/main, false",
            "*/vcs-ref/*/vcs-ref/*, org/x/vcs-ref/a/vcs-ref/b, true",
            "**a, a, true",
            "a*, a, true",
            "*a, ba, true",
            "*a, ab, false"})
    void matchesAsIamDoes(String pattern, String value, boolean expected) {
        assertThat(Wildcard.matches(pattern, value, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"s3:getobject, s3:GetObject", "EC2:Describe*, ec2:DescribeImages"})
    void actionsMatchWithoutCaseOnlyWhenAsked(String pattern, String value) {
        assertThat(Wildcard.matches(pattern, value, true)).isTrue();
        assertThat(Wildcard.matches(pattern, value, false)).isFalse();
    }
}
