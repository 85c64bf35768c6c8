package org.democracyclub.ee.infra.policy;

import static org.democracyclub.ee.infra.policy.BaseRule.perResource;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Least privilege: no wildcard grants, no way to escalate through IAM, no long-lived keys. */
public final class IamRules {
    /**
     * Concrete IAM actions that change who may do what. A statement granting any of them on every
     * resource lets its holder make itself an administrator. Patterns (iam:Create*, iam:Put*,
     * iam:Attach*, iam:Pass*, iam:Update*, iam:Delete*, iam:*) are caught by matching against these.
     */
    static final List<String> IAM_WRITE_ACTIONS = List.of(
            "iam:CreateRole", "iam:CreateUser", "iam:CreatePolicyVersion", "iam:CreateAccessKey",
            "iam:CreateLoginProfile", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
            "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:PassRole",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile", "iam:UpdateRole",
            "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DeleteRolePermissionsBoundary",
            "iam:AddUserToGroup", "iam:SetDefaultPolicyVersion");

    /** Any role ARN: arn:<partition>:iam::<account>:role/<path/name>. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::[0-9]*:role/.+");

    private static final Set<String> ATTACHMENTS = Set.of(Types.IAM_ROLE_POLICY_ATTACHMENT,
            Types.IAM_USER_POLICY_ATTACHMENT, Types.IAM_GROUP_POLICY_ATTACHMENT, Types.IAM_POLICY_ATTACHMENT,
            Types.IAM_ROLE);

    private IamRules() {
    }

    public static List<Rule> all() {
        return List.of(noWildcardAction(), noIamWriteOnAnyResource(), passRoleOnNamedRoles(),
                noAdministratorDocument(), noAccessKeys(), noAdministratorAccessAttachment());
    }

    /** EE-IAM-1. */
    static Rule noWildcardAction() {
        return new BaseRule("EE-IAM-1", Severity.ERROR,
                "No statement allows \"Action\": \"*\" (or uses NotAction): grant the actions the role needs.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (ParsedPolicy doc : ParsedPolicy.all(input)) {
                    if (doc.error() != null) {
                        findings.add(doc.owner(), doc.label() + " cannot be checked: " + doc.error(),
                                "build the policy document from data and serialise it as JSON");
                        continue;
                    }
                    for (ParsedPolicy.Statement s : doc.statements()) {
                        if (s.grantsEverything()) {
                            findings.add(doc.owner(), s.label() + " in " + doc.label() + " allows \"Action\": \"*\"",
                                    "list the actions the role needs");
                        } else if (s.allow() && s.notAction()) {
                            findings.add(doc.owner(), s.label() + " in " + doc.label()
                                            + " allows everything except " + s.actions() + " (NotAction)",
                                    "replace NotAction with the list of actions the role needs");
                        }
                    }
                }
            }
        };
    }

    /** EE-IAM-2. */
    static Rule noIamWriteOnAnyResource() {
        return new BaseRule("EE-IAM-2", Severity.ERROR,
                "No IAM write action (iam:Create*/Put*/Attach*/Pass*/Update*/Delete*) on \"Resource\": \"*\": that is privilege escalation.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (ParsedPolicy doc : identityDocuments(input)) {
                    for (ParsedPolicy.Statement s : doc.statements()) {
                        List<String> granted = IAM_WRITE_ACTIONS.stream().filter(s::grants).toList();
                        if (s.onAnyResource() && !granted.isEmpty()) {
                            findings.add(doc.owner(), s.label() + " in " + doc.label()
                                            + " allows IAM writes " + abbreviate(granted) + " on every resource",
                                    "name the ARNs the statement needs in Resource");
                        }
                    }
                }
            }
        };
    }

    /** EE-IAM-3. */
    static Rule passRoleOnNamedRoles() {
        return new BaseRule("EE-IAM-3", Severity.ERROR,
                "iam:PassRole only on named role ARNs, so a service can only be handed the role meant for it.") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (ParsedPolicy doc : identityDocuments(input)) {
                    for (ParsedPolicy.Statement s : doc.statements()) {
                        if (!s.grants("iam:PassRole")) {
                            continue;
                        }
                        List<String> unnamed = s.notResource() ? List.of("NotResource " + s.resources())
                                : s.resources().stream().filter(IamRules::coversUnnamedRoles).toList();
                        if (!unnamed.isEmpty()) {
                            findings.add(doc.owner(), s.label() + " in " + doc.label()
                                            + " allows iam:PassRole on " + unnamed,
                                    "limit iam:PassRole to the ARN of the role the service needs, e.g. the instance role");
                        }
                    }
                }
            }
        };
    }

    /** EE-IAM-4. */
    static Rule noAdministratorDocument() {
        return new BaseRule("EE-IAM-4", Severity.ERROR,
                "No inline or customer-managed administrator policy (\"Action\": \"*\" on \"Resource\": \"*\").") {
            @Override
            protected void check(PolicyInput input, Findings findings) {
                for (ParsedPolicy doc : identityDocuments(input)) {
                    for (ParsedPolicy.Statement s : doc.statements()) {
                        if (s.grantsEverything() && s.onAnyResource()) {
                            findings.add(doc.owner(), s.label() + " in " + doc.label()
                                            + " is an administrator policy (every action on every resource)",
                                    "grant only the actions and resources the role needs");
                        }
                    }
                }
            }
        };
    }

    /** EE-IAM-5: long-lived keys leak; machines here use roles, people use SSO. */
    static Rule noAccessKeys() {
        return perResource("EE-IAM-5", Severity.ERROR,
                "No IAM access keys declared: long-lived keys leak; use roles (instances, CI via OIDC).",
                Set.of(Types.IAM_ACCESS_KEY), (r, in, out) -> out.add(r, "declares an IAM access key",
                        "remove the access key; give the workload a role instead"));
    }

    /** EE-IAM-6. */
    static Rule noAdministratorAccessAttachment() {
        return perResource("EE-IAM-6", Severity.ERROR,
                "The AWS-managed AdministratorAccess policy is never attached.",
                ATTACHMENTS, (r, in, out) -> {
                    List<String> arns = r.is(Types.IAM_ROLE) ? r.strings("managedPolicyArns") : r.strings("policyArn");
                    for (String arn : arns) {
                        if (arn.endsWith(":iam::aws:policy/AdministratorAccess")) {
                            out.add(r, "attaches " + arn, "attach the managed policies the role needs instead");
                        }
                    }
                });
    }

    /**
     * Whether a Resource entry with a wildcard could match a role ARN (so PassRole could hand over
     * roles nobody named): "*", "arn:aws:iam::*:role/*", "arn:aws:iam::123:role/Code*". An entry
     * without wildcard names one resource; if it is not a role, PassRole cannot use it anyway.
     */
    static boolean coversUnnamedRoles(String resource) {
        int wildcard = firstWildcard(resource);
        if (wildcard < 0) {
            return false;
        }
        // hitEnd: the text before the wildcard could be continued into a role ARN.
        Matcher matcher = ROLE_ARN.matcher(resource.substring(0, wildcard));
        return matcher.matches() || matcher.hitEnd();
    }

    private static int firstWildcard(String resource) {
        int star = resource.indexOf('*');
        int question = resource.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    /** Documents that grant permissions (trust policies only say who may assume a role). */
    private static List<ParsedPolicy> identityDocuments(PolicyInput input) {
        return ParsedPolicy.all(input).stream().filter(d -> !d.trust() && d.error() == null).toList();
    }

    private static String abbreviate(List<String> actions) {
        return actions.size() <= 3 ? actions.toString()
                : actions.subList(0, 3).toString().replace("]", ", ... (" + actions.size() + " in all)]");
    }
}
