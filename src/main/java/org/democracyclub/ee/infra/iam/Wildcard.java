package org.democracyclub.ee.infra.iam;

/**
 * IAM's wildcard matching of actions, ARNs and {@code StringLike} values: {@code *} matches any
 * run of characters (also none), {@code ?} exactly one, everything else itself (IAM user guide,
 * "IAM JSON policy elements: Condition operators", String condition operators). Matched directly,
 * without building a regular expression per comparison: the policy checks compare thousands of
 * pairs per stack.
 */
public final class Wildcard {
    private Wildcard() {
    }

    /** Whether {@code value} matches {@code pattern}, letters compared without case when asked. */
    public static boolean matches(String pattern, String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                // Let the last * take one more character and try again from there.
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
