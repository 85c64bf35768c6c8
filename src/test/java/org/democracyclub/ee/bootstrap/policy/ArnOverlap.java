package org.democracyclub.ee.bootstrap.policy;

/**
 * Whether a policy's resource pattern (IAM wildcards {@code *} and {@code ?}) can match any ARN of
 * a resource type, given the type's template from the Service Authorization Reference
 * ({@code arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}}). Both sides have wildcards,
 * so this asks whether the two languages share a string: a small dynamic programme over both.
 * A template variable stands for one or more characters without {@code :} or {@code /}, except
 * a last one named like a path or key ({@link #SLASHED}), which may hold {@code /}; the region
 * and account may be empty (AWS-owned images and public parameters have no account).
 * {@code ${Partition}} is {@code aws}.
 */
final class ArnOverlap {
    private ArnOverlap() {
    }

    /** Variables whose values hold slashes: paths, object keys, parameter and log group names. */
    private static final java.util.Set<String> SLASHED = java.util.Set.of("RoleNameWithPath", "PolicyNameWithPath",
            "InstanceProfileNameWithPath", "ObjectName", "ParameterNameWithoutLeadingSlash", "LogGroupName",
            "RelativeId", "DocumentName", "Alias", "ComponentBuildVersion", "ImageBuildVersion",
            "GroupFriendlyName", "OidcProviderName");

    static boolean overlaps(String pattern, String template) {
        String t = template.replace("${Partition}", "aws");
        // An empty region or account: the template's variable is dropped.
        if (pattern.startsWith("arn:")) {
            String[] parts = pattern.split(":", 6);
            String[] tParts = t.split(":", 6);
            if (parts.length == 6 && tParts.length == 6) {
                for (int field = 3; field <= 4; field++) {
                    if (parts[field].isEmpty() && tParts[field].startsWith("${")) {
                        tParts[field] = "";
                    }
                }
                t = String.join(":", tParts);
            }
        }
        // Template tokens: a literal character, or a variable (VAR or LAST_VAR).
        java.util.List<Object> tokens = new java.util.ArrayList<>();
        int lastVar = t.lastIndexOf("${");
        for (int i = 0; i < t.length(); ) {
            if (t.startsWith("${", i)) {
                String name = t.substring(i + 2, t.indexOf('}', i));
                tokens.add(i == lastVar && SLASHED.contains(name) ? Var.LAST : Var.INNER);
                i = t.indexOf('}', i) + 1;
            } else {
                tokens.add(t.charAt(i));
                i++;
            }
        }
        Boolean[][] memo = new Boolean[pattern.length() + 1][tokens.size() + 1];
        return match(pattern, 0, tokens, 0, memo);
    }

    private enum Var {
        INNER, LAST;

        boolean accepts(char c) {
            return c != ':' && (this == LAST || c != '/');
        }
    }

    private static boolean match(String p, int i, java.util.List<Object> t, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i == p.length() && j == t.size()) {
            result = true;
        } else if (i < p.length() && p.charAt(i) == '*') {
            // The star matches nothing more, or also swallows the template's next token.
            result = match(p, i + 1, t, j, memo) || (j < t.size() && match(p, i, t, j + 1, memo));
        } else if (j < t.size() && t.get(j) instanceof Var var) {
            // The variable ends here (it has matched at least one character: see below), or takes
            // one more character of the pattern.
            result = i < p.length() && (p.charAt(i) == '?' || var.accepts(p.charAt(i)))
                    && (match(p, i + 1, t, j + 1, memo) || matchVarMore(p, i + 1, t, j, var, memo));
        } else if (i < p.length() && j < t.size()) {
            char literal = (Character) t.get(j);
            result = (p.charAt(i) == '?' || p.charAt(i) == literal) && match(p, i + 1, t, j + 1, memo);
        } else {
            result = false;
        }
        memo[i][j] = result;
        return result;
    }

    /** The variable at {@code j} has already taken a character; it may take more, or end. */
    private static boolean matchVarMore(String p, int i, java.util.List<Object> t, int j, Var var, Boolean[][] memo) {
        for (int k = i; k <= p.length(); k++) {
            if (match(p, k, t, j + 1, memo)) {
                return true;
            }
            if (k == p.length()) {
                return false;
            }
            char c = p.charAt(k);
            if (c == '*') {
                // A star inside the variable's span: it covers the rest of the variable and
                // beyond, or only part of it and the variable goes on after it.
                return match(p, k, t, j + 1, memo) || matchVarMore(p, k + 1, t, j, var, memo);
            }
            if (!(c == '?' || var.accepts(c))) {
                return false;
            }
        }
        return false;
    }
}
