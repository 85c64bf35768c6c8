#!/usr/bin/env bash
# Moves classes into the package layers that PackageLayersTest checks (entry points, programs,
# components, policy rules, IAM documents, names, settings, common), and test classes to the package of what
# they test, with one naming style (<Subject>Test for plain-Java tests; *IT for the integration
# tier, see IntegrationTierTest).
#
# Replayable: run it from the repository root after merging branches that still add or edit
# files in the old packages. Each move is `git mv` (when the old file still exists) and then the
# same text rewrites over every .java file, and pom.xml, docs and CI config:
#   - the moved file's `package` line;
#   - every fully qualified name `old.pkg.Class` (imports, static imports, FQN uses);
#   - an `import new.pkg.Class;` added to files of the old package that use the class by its
#     simple name, and `import old.pkg.X;` added to the moved file for each class X of its old
#     package that it uses by simple name;
#   - redundant same-package imports removed.
# Running it twice changes nothing the second time. It does not commit; check with
#   mvn -B -o -q test -Dtest='PackageLayersTest,IntegrationTierTest'
# and fix what a merged branch added in the old layout (a package-private member used across
# the new package boundary must become public; the compiler names each one).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# old fully qualified name                               new fully qualified name
MOVES=$(cat <<'EOF'
org.democracyclub.ee.bootstrap.OfflineBootstrap          org.democracyclub.ee.infra.preview.OfflineBootstrap
org.democracyclub.ee.infra.EveryElectionStack            org.democracyclub.ee.infra.program.EveryElectionStack
org.democracyclub.ee.infra.image.GoldenImageSettings     org.democracyclub.ee.infra.settings.GoldenImageSettings
org.democracyclub.ee.infra.image.BaseImage               org.democracyclub.ee.infra.settings.BaseImage
org.democracyclub.ee.infra.image.BuildSchedule           org.democracyclub.ee.infra.settings.BuildSchedule
org.democracyclub.ee.infra.image.OrganisationArn         org.democracyclub.ee.infra.names.OrganisationArn
org.democracyclub.ee.infra.platform.Names                org.democracyclub.ee.infra.names.Names
org.democracyclub.ee.infra.platform.StackTags            org.democracyclub.ee.infra.names.StackTags
org.democracyclub.ee.deployer.DeployerMain               org.democracyclub.ee.deployer.cli.DeployerMain
org.democracyclub.ee.deployer.deploy.CommitSha           org.democracyclub.ee.deployer.CommitSha
org.democracyclub.ee.bootstrap.policy.PolicyStatement   org.democracyclub.ee.infra.iam.PolicyStatement
org.democracyclub.ee.bootstrap.policy.PolicyDocument    org.democracyclub.ee.infra.iam.PolicyDocument
EOF
)

# Test classes: to the package of what they test; the area prefix dropped (the package says it).
TEST_MOVES=$(cat <<'EOF'
org.democracyclub.ee.infra.image.ImageBaseImageTest          org.democracyclub.ee.infra.settings.BaseImageTest
org.democracyclub.ee.infra.image.ImageOrganisationArnTest    org.democracyclub.ee.infra.names.OrganisationArnTest
org.democracyclub.ee.infra.image.ImageSettingsTest           org.democracyclub.ee.infra.settings.GoldenImageSettingsTest
org.democracyclub.ee.infra.StackSettingsTest                 org.democracyclub.ee.infra.settings.StackSettingsTest
org.democracyclub.ee.infra.SettingsValidationTest            org.democracyclub.ee.infra.settings.SettingsValidationTest
org.democracyclub.ee.infra.PulumiProjectFileTest             org.democracyclub.ee.infra.settings.ProjectFileTest
org.democracyclub.ee.infra.policy.PolicyCloudFrontRulesTest  org.democracyclub.ee.infra.policy.CloudFrontRulesTest
org.democracyclub.ee.infra.policy.PolicyCodeDeployAndImageBuilderRulesTest org.democracyclub.ee.infra.policy.CodeDeployAndImageBuilderRulesTest
org.democracyclub.ee.infra.policy.PolicyDocsTest             org.democracyclub.ee.infra.policy.RulesDocumentedTest
org.democracyclub.ee.infra.policy.PolicyEc2RulesTest         org.democracyclub.ee.infra.policy.Ec2RulesTest
org.democracyclub.ee.infra.policy.PolicyIamRulesTest         org.democracyclub.ee.infra.policy.IamRulesTest
org.democracyclub.ee.infra.policy.PolicyLoadBalancerRulesTest org.democracyclub.ee.infra.policy.LoadBalancerRulesTest
org.democracyclub.ee.infra.policy.PolicyNetworkRulesTest     org.democracyclub.ee.infra.policy.NetworkRulesTest
org.democracyclub.ee.infra.policy.PolicySecretRulesTest      org.democracyclub.ee.infra.policy.SecretRulesTest
org.democracyclub.ee.infra.policy.PolicyStackFileConfigTest  org.democracyclub.ee.infra.policy.StackFileConfigTest
org.democracyclub.ee.infra.policy.PolicyTagRulesTest         org.democracyclub.ee.infra.policy.TagRulesTest
org.democracyclub.ee.infra.policy.PolicyTaggableTypesTest    org.democracyclub.ee.infra.policy.TaggableTypesTest
org.democracyclub.ee.infra.Stacks                            org.democracyclub.ee.infra.program.Stacks
org.democracyclub.ee.infra.GoldenImageStackTest              org.democracyclub.ee.infra.program.GoldenImageStackTest
org.democracyclub.ee.infra.StackPolicyTest                   org.democracyclub.ee.infra.program.StackPolicyTest
org.democracyclub.ee.infra.PlatformTest                      org.democracyclub.ee.infra.platform.PlatformTest
org.democracyclub.ee.infra.BlueGreenStateTest                org.democracyclub.ee.infra.platform.BlueGreenStateTest
org.democracyclub.ee.infra.SiteLookupsTest                   org.democracyclub.ee.infra.platform.SiteLookupsTest
org.democracyclub.ee.infra.PreviewCommandTest                org.democracyclub.ee.infra.preview.PreviewCommandTest
org.democracyclub.ee.infra.ArchitectureDiagramTest           org.democracyclub.ee.infra.preview.ArchitectureDiagramTest
org.democracyclub.ee.deployer.local.AppspecLocalCommandTest  org.democracyclub.ee.deployer.local.LocalCommandTest
org.democracyclub.ee.deployer.local.AppspecLocalRunnerTest   org.democracyclub.ee.deployer.local.LocalRunnerTest
org.democracyclub.ee.deployer.local.AppspecProjectHooksTest  org.democracyclub.ee.deployer.local.ProjectHooksTest
org.democracyclub.ee.deployer.local.AppspecRunAsTest         org.democracyclub.ee.deployer.local.RunAsTest
org.democracyclub.ee.deployer.appspec.AppspecValidatorTest   org.democracyclub.ee.deployer.appspec.AppSpecValidatorTest
org.democracyclub.ee.deployer.appspec.AppspecCommandTest     org.democracyclub.ee.deployer.appspec.ValidateAppspecCommandTest
org.democracyclub.ee.deployer.appspec.AppspecHookSettingsTest org.democracyclub.ee.deployer.appspec.HookSettingsTest
org.democracyclub.ee.deployer.appspec.AppspecShellcheckTest  org.democracyclub.ee.deployer.appspec.ShellcheckTest
org.democracyclub.ee.bootstrap.policy.BootstrapPolicyDocumentTest org.democracyclub.ee.infra.iam.PolicyDocumentTest
EOF
)

# The integration tier (IntegrationTierTest says what belongs there): *Test -> *IT, same package.
TIER=$(cat <<'EOF'
org.democracyclub.ee.bootstrap.BootstrapProgramTest
org.democracyclub.ee.deployer.appspec.HookSettingsTest
org.democracyclub.ee.deployer.appspec.ShellcheckTest
org.democracyclub.ee.deployer.appspec.ValidateAppspecCommandTest
org.democracyclub.ee.deployer.cli.CommandLineParsingTest
org.democracyclub.ee.deployer.cli.DeployAgainstFakeTest
org.democracyclub.ee.deployer.cli.DeployInputTest
org.democracyclub.ee.deployer.cli.DeployWaitsTest
org.democracyclub.ee.deployer.cli.StatusAndRollbackTest
org.democracyclub.ee.deployer.deploy.CancelGuardTest
org.democracyclub.ee.deployer.fake.WireProtocolTest
org.democracyclub.ee.deployer.local.LocalCommandTest
org.democracyclub.ee.deployer.local.LocalRunnerTest
org.democracyclub.ee.deployer.local.ProjectHooksTest
org.democracyclub.ee.deployer.local.RunAsTest
org.democracyclub.ee.deployer.outputs.StackOutputsParserTest
org.democracyclub.ee.infra.image.ComponentScriptsTest
org.democracyclub.ee.infra.image.ImagePipelineTest
org.democracyclub.ee.infra.platform.BlueGreenStateTest
org.democracyclub.ee.infra.platform.PlatformTest
org.democracyclub.ee.infra.platform.SiteLookupsTest
org.democracyclub.ee.infra.policy.PolicyUnderPulumiMocksTest
org.democracyclub.ee.infra.preview.ArchitectureDiagramTest
org.democracyclub.ee.infra.preview.PreviewCommandTest
org.democracyclub.ee.infra.program.GoldenImageStackTest
org.democracyclub.ee.infra.program.StackPolicyTest
EOF
)
TIER_MOVES=$(for t in $TIER; do echo "$t ${t%Test}IT"; done)

python3 - "$MOVES" "$TEST_MOVES
$TIER_MOVES" <<'PY'
import os, re, subprocess, sys

ROOTS = ["src/main/java", "src/test/java"]
OTHER = ["pom.xml", "README.md", ".circleci/config.yml"] + \
    [os.path.join(d, f) for d in ("docs", "docs/adr") if os.path.isdir(d) for f in sorted(os.listdir(d)) if f.endswith(".md")]

def pairs(text):
    return [tuple(line.split()) for line in text.strip().splitlines() if line.strip()]

def split(fqcn):
    pkg, _, name = fqcn.rpartition(".")
    return pkg, name

def java_files():
    for root in ROOTS:
        for d, _, files in os.walk(root):
            for f in sorted(files):
                if f.endswith(".java"):
                    yield os.path.join(d, f)

def path_of(root, fqcn):
    return os.path.join(root, *fqcn.split(".")) + ".java"

def package_of(text):
    m = re.search(r"^package\s+([\w.]+);", text, re.M)
    return m.group(1) if m else ""

def uses(text, name):
    body = re.sub(r"^(package|import)\s.*$", "", text, flags=re.M)
    return re.search(r"(?<![\w.])" + re.escape(name) + r"\b", body) is not None

def add_import(text, fqcn):
    line = "import " + fqcn + ";"
    if re.search(r"^" + re.escape(line) + r"$", text, re.M):
        return text
    lines = text.split("\n")
    imports = [i for i, l in enumerate(lines) if l.startswith("import ") and not l.startswith("import static ")]
    if imports:
        at = next((i for i in imports if lines[i] > line), imports[-1] + 1)
    else:
        statics = [i for i, l in enumerate(lines) if l.startswith("import static ")]
        at = statics[-1] + 1 if statics else next(i for i, l in enumerate(lines) if l.startswith("package ")) + 1
        if not statics:
            lines.insert(at, "")
            at += 1
    lines.insert(at, line)
    return "\n".join(lines)

def move(old, new):
    old_pkg, old_name = split(old)
    new_pkg, new_name = split(new)
    moved = None
    for root in ROOTS:
        src, dst = path_of(root, old), path_of(root, new)
        if os.path.exists(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            subprocess.run(["git", "mv", src, dst], check=True)
        if os.path.exists(dst):
            moved = dst
    if moved is None:
        print("skip (neither " + old + " nor " + new + " exists)")
        return
    # Classes left in the old package (main and test), before rewriting.
    old_dir_classes = set()
    for root in ROOTS:
        d = os.path.join(root, *old_pkg.split("."))
        if os.path.isdir(d):
            old_dir_classes |= {f[:-5] for f in os.listdir(d) if f.endswith(".java")}
    fq = re.compile(re.escape(old) + r"(?![\w])")
    for f in java_files():
        text = open(f).read()
        orig = text
        if f == moved:
            text = re.sub(r"^package\s+" + re.escape(old_pkg) + r";", "package " + new_pkg + ";", text, flags=re.M)
            if old_pkg != new_pkg:
                for other in sorted(old_dir_classes - {old_name}):
                    if uses(text, other) and not re.search(r"^import\s+[\w.]*\." + other + ";", text, re.M):
                        text = add_import(text, old_pkg + "." + other)
        text = fq.sub(new, text)
        pkg = package_of(text)
        if pkg == old_pkg and f != moved and old_pkg != new_pkg and uses(text, old_name):
            text = add_import(text, new)
        if old_name != new_name:
            text = re.sub(r"(?<![\w])" + re.escape(old_name) + r"\b", new_name, text)
        if pkg == new_pkg:
            text = re.sub(r"^import\s+" + re.escape(new) + r";\n", "", text, flags=re.M)
        if text != orig:
            open(f, "w").write(text)
    old_path, new_path = old.replace(".", "/"), new.replace(".", "/")
    short_old = old_path.replace("org/democracyclub/ee/", "")
    short_new = new_path.replace("org/democracyclub/ee/", "")
    for f in OTHER:
        if not os.path.exists(f):
            continue
        text = open(f).read()
        orig = text
        text = fq.sub(new, text)
        text = re.sub(r"(?<![\w/])" + re.escape(short_old) + r"(?![\w])", short_new, text)
        if old_name != new_name:
            text = re.sub(r"(?<![\w])" + re.escape(old_name) + r"\b", new_name, text)
        if text != orig:
            open(f, "w").write(text)

for old, new in pairs(sys.argv[1]) + pairs(sys.argv[2]):
    move(old, new)

# Imports of a class from the file's own package are redundant (left by moves into it).
for f in java_files():
    text = open(f).read()
    pkg = package_of(text)
    cleaned = re.sub(r"^import\s+" + re.escape(pkg) + r"\.[A-Z]\w*;\n", "", text, flags=re.M) if pkg else text
    if cleaned != text:
        open(f, "w").write(cleaned)
PY
git status --short | sed -n '1,200p'
