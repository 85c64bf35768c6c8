package org.democracyclub.ee.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.democracyclub.ee.ci.CircleCiConfig.Step;
import org.democracyclub.ee.ci.CircleCiConfig.WorkflowJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline, read independently of CircleCI: what runs where, after what, in which account. */
class CircleCiConfigTest {
    private static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");
    private static final List<String> DEPLOY_BRANCHES = List.of("development", "main");
    private static final Path README = Path.of("README.md");
    private static final Path DEPLOYMENT_DOC = Path.of("docs", "deployment.md");
    private static final String DEPLOYER =
            "COMMIT_SHA=$APP_COMMIT java -jar target/ee-deployer.jar deploy --app-source \"$HOME/every-election-app\"";

    private static CircleCiConfig config;

    @BeforeAll
    static void load() throws IOException {
        config = CircleCiConfig.load();
    }

    private static List<WorkflowJob> entriesOf(String job) {
        return config.workflowJobs().stream().filter(j -> j.job().equals(job)).toList();
    }

    private static String deployBranchOf(String environment) {
        return environment.equals("development") ? "development" : "main";
    }

    @Test
    void isACircleCi21Config() {
        assertThat(config.root().get("version")).isEqualTo(2.1);
    }

    @Test
    void everyJobAWorkflowNamesExistsAndEveryJobIsUsed() {
        Set<String> used = new HashSet<>();
        for (WorkflowJob entry : config.workflowJobs()) {
            if ("approval".equals(entry.type())) {
                assertThat(config.jobs()).as("an approval job is not defined under jobs").doesNotContainKey(entry.job());
            } else {
                assertThat(config.jobs()).as("job of " + entry.name()).containsKey(entry.job());
                used.add(entry.job());
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(config.jobs().keySet());
    }

    @Test
    void everyRequiredJobExistsInTheWorkflowAndNamesAreUnique() {
        List<String> names = config.workflowJobs().stream().map(WorkflowJob::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        config.workflowJobs().forEach(entry -> assertThat(names).as("requires of " + entry.name())
                .containsAll(entry.requires()));
    }

    @Test
    void eachEnvironmentsJobsRunInThatEnvironmentsContextOnly() {
        for (WorkflowJob entry : config.workflowJobs()) {
            if (entry.stack() != null) {
                assertThat(ENVIRONMENTS).contains(entry.stack());
                assertThat(entry.contexts()).as(entry.name())
                        .containsExactly("deployment-" + entry.stack() + "-ee");
            } else {
                assertThat(entry.contexts()).as(entry.name() + " has no environment, so no account").isEmpty();
            }
        }
    }

    @Test
    void previewsEveryEnvironmentOnEveryBranchButTheDeployBranches() {
        List<WorkflowJob> previews = entriesOf("preview");
        assertThat(previews).extracting(WorkflowJob::stack).containsExactlyInAnyOrderElementsOf(ENVIRONMENTS);
        for (WorkflowJob preview : previews) {
            assertThat(preview.branches("only")).as(preview.name()).isEmpty();
            assertThat(preview.branches("ignore")).as(preview.name()).containsExactlyInAnyOrderElementsOf(DEPLOY_BRANCHES);
            assertThat(preview.requires()).contains("test");
        }
        assertThat(config.runCommands("preview")).contains("pulumi preview --diff -s << parameters.stack >>")
                .noneMatch(c -> c.startsWith("pulumi up") || c.contains("java -jar target/ee-deployer.jar"));
    }

    @Test
    void deploysEachEnvironmentOnlyFromItsBranchAfterTheTests() {
        List<WorkflowJob> deploys = entriesOf("deploy");
        assertThat(deploys).extracting(WorkflowJob::stack).containsExactlyInAnyOrderElementsOf(ENVIRONMENTS);
        for (WorkflowJob deploy : deploys) {
            assertThat(deploy.branches("only")).as(deploy.name()).containsExactly(deployBranchOf(deploy.stack()));
            assertThat(deploy.branches("ignore")).isEmpty();
            assertThat(ancestors(deploy)).as(deploy.name()).contains("test");
        }
    }

    @Test
    void productionWaitsForStagingAndForAPersonsApproval() {
        WorkflowJob production = entriesOf("deploy").stream().filter(d -> d.stack().equals("production")).findFirst()
                .orElseThrow();
        WorkflowJob staging = entriesOf("deploy").stream().filter(d -> d.stack().equals("staging")).findFirst()
                .orElseThrow();
        List<WorkflowJob> approvals = production.requires().stream().map(config::workflowJob)
                .filter(j -> "approval".equals(j.type())).toList();
        assertThat(approvals).as("production requires an approval job").hasSize(1);
        WorkflowJob approval = approvals.get(0);
        assertThat(approval.requires()).as("the approval is asked once staging is deployed").contains(staging.name());
        assertThat(approval.branches("only")).containsExactly("main");
        assertThat(production.requires()).contains(staging.name());
    }

    @Test
    void theDeployJobUpdatesTheStackThenRunsTheDeployerWithTheCommit() {
        List<String> commands = config.runCommands("deploy");
        int up = commands.indexOf("pulumi up --yes -s << parameters.stack >>");
        int deployer = commands.indexOf(DEPLOYER);
        assertThat(up).as("pulumi up").isNotNegative();
        assertThat(deployer).as("deployer with COMMIT_SHA").isGreaterThan(up);
        Step deployerStep = config.steps("deploy").stream().filter(s -> DEPLOYER.equals(s.command())).findFirst()
                .orElseThrow();
        // The deployer times out (and rolls back) after 60 minutes by default; CircleCI must not
        // kill it first for printing nothing while an instance installs.
        assertThat(minutes((String) deployerStep.settings().get("no_output_timeout"))).isGreaterThan(60);
    }

    @Test
    void jobsThatRunTheProgramUseTheTestJobsJarsLoggedInWithTheCiRole() {
        for (String job : List.of("preview", "deploy")) {
            List<Step> steps = config.steps(job);
            List<String> types = steps.stream().map(Step::type).toList();
            assertThat(types).as(job).contains("checkout", "attach_workspace");
            List<String> commands = config.runCommands(job);
            int assume = indexOfContaining(commands, "AWS_WEB_IDENTITY_TOKEN_FILE");
            int login = indexOfContaining(commands, "pulumi login \"s3://${PULUMI_STATE_BUCKET}?region=");
            String pulumiCommand = "pulumi " + (job.equals("deploy") ? "up" : "preview");
            int pulumi = commands.indexOf(commands.stream().filter(c -> c.startsWith(pulumiCommand)).findFirst()
                    .orElseThrow(() -> new AssertionError(job + " runs no " + pulumiCommand)));
            assertThat(assume).as(job + " assumes the role").isNotNegative().isLessThan(login);
            assertThat(login).as(job + " logs in before running pulumi").isLessThan(pulumi);
            assertThat(commands.get(assume)).contains("$CIRCLE_OIDC_TOKEN_V2").contains("AWS_ROLE_ARN");
            // Previews use the read-only role; only deploy jobs (deploy branches) may use the deploy role.
            assertThat(roleOf(job)).isEqualTo(job.equals("deploy") ? "deploy" : "preview");
        }
        assertThat(config.steps("test")).filteredOn(s -> s.type().equals("persist_to_workspace")).singleElement()
                .satisfies(s -> assertThat(CircleCiConfig.strings(s.settings().get("paths")))
                        .containsExactlyInAnyOrder("target/ee-infra.jar", "target/ee-deployer.jar"));
    }

    @Test
    void theTestJobRunsExactlyTheReadmesTestCommandWithCachedMavenAndReportedResults() throws IOException {
        List<String> mavenCommands = config.runCommands("test").stream().filter(c -> c.strip().startsWith("mvn")).toList();
        assertThat(mavenCommands).containsExactly("mvn -B verify");
        assertThat(MarkdownCode.lines(README)).as("README code blocks").contains(mavenCommands.get(0));

        List<Step> steps = config.steps("test");
        Step restore = steps.stream().filter(s -> s.type().equals("restore_cache")).findFirst().orElseThrow();
        assertThat(CircleCiConfig.strings(restore.settings().get("keys")).get(0)).contains("{{ checksum \"pom.xml\" }}");
        Step save = steps.stream().filter(s -> s.type().equals("save_cache")).findFirst().orElseThrow();
        assertThat((String) save.settings().get("key")).contains("{{ checksum \"pom.xml\" }}");
        assertThat(CircleCiConfig.strings(save.settings().get("paths"))).contains("~/.m2/repository");
        assertThat(steps).filteredOn(s -> s.type().equals("store_test_results")).singleElement()
                .satisfies(s -> assertThat(s.settings().get("path")).isEqualTo("target/surefire-reports"));
        assertThat(config.workflowJob("test").hasBranchFilter()).as("the tests run on every branch").isFalse();
    }

    @Test
    void theCommandsCiRunsAreTheOnesTheDocsDocument() throws IOException {
        List<String> documented = new ArrayList<>(MarkdownCode.lines(DEPLOYMENT_DOC));
        if (Files.exists(README)) {
            documented.addAll(MarkdownCode.lines(README));
        }
        List<String> ciCommands = new ArrayList<>(config.runCommands("deploy"));
        ciCommands.addAll(config.runCommands("preview"));
        for (String command : ciCommands) {
            if (command.startsWith("pulumi up") || command.startsWith("pulumi preview") || command.contains("java -jar")) {
                assertThat(documented).as("documented in a code block").contains(command.replace("<< parameters.stack >>", "<env>"));
            }
        }
    }

    @Test
    void thePulumiVersionIsPinnedOnceUsedByTheInstallerAndEqualToTheDocumentedOne() throws IOException {
        String pinned = (String) CircleCiConfig.map(CircleCiConfig.map(config.root().get("parameters"))
                .get("pulumi-version")).get("default");
        assertThat(pinned).matches("3\\.\\d+\\.\\d+");

        Matcher documented = Pattern.compile("Pulumi CLI version: `([^`]+)`").matcher(Files.readString(DEPLOYMENT_DOC));
        assertThat(documented.find()).as("docs/deployment.md states \"Pulumi CLI version: `x.y.z`\"").isTrue();
        assertThat(documented.group(1)).isEqualTo(pinned);

        String install = indexedCommand(config.runCommands("deploy"), "get.pulumi.com");
        assertThat(install).contains("--version \"<< pipeline.parameters.pulumi-version >>\"");
        assertThat(Files.readString(CircleCiConfig.FILE).split(Pattern.quote(pinned), -1))
                .as("the version appears once, in the parameter").hasSize(2);
    }

    @Test
    void holdsNoSecretAndEveryContextVariableItExpectsIsDocumented() throws IOException {
        String text = Files.readString(CircleCiConfig.FILE);
        assertThat(text).doesNotContainPattern("AKIA[0-9A-Z]{16}").doesNotContainPattern("AWS_SECRET_ACCESS_KEY\\s*:")
                .doesNotContainPattern("PULUMI_ACCESS_TOKEN\\s*:").doesNotContainPattern("PULUMI_CONFIG_PASSPHRASE\\s*:");
        Matcher required = Pattern.compile("\\$\\{([A-Z_0-9]+):\\?").matcher(text);
        Set<String> variables = new HashSet<>();
        while (required.find()) {
            variables.add(required.group(1));
        }
        variables.remove("CIRCLE_OIDC_TOKEN_V2"); // set by CircleCI itself
        assertThat(variables).containsExactlyInAnyOrder("CI_DEPLOY_ROLE_ARN", "CI_PREVIEW_ROLE_ARN", "PULUMI_STATE_BUCKET");
        variables.add("SLACK_WEBHOOK_URL"); // optional (${...:-}), documented all the same
        String doc = Files.readString(DEPLOYMENT_DOC);
        variables.forEach(v -> assertThat(doc).as("docs/deployment.md names " + v).contains("`" + v + "`"));
    }

    @Test
    void credentialsComeFromTheWebIdentityTokenFileNeverFromExportedKeys() throws IOException {
        String text = Files.readString(CircleCiConfig.FILE);
        assertThat(text).doesNotContain("export AWS_ACCESS_KEY_ID").doesNotContain("export AWS_SESSION_TOKEN")
                .doesNotContain("assume-role-with-web-identity");
        String identity = indexedCommand(config.runCommands("deploy"), "AWS_WEB_IDENTITY_TOKEN_FILE");
        assertThat(identity).contains("umask 077").contains("printf '%s' \"$CIRCLE_OIDC_TOKEN_V2\"");
    }

    @Test
    void theApplicationCommitIsAPipelineParameterEmptyByDefault() {
        Map<String, Object> parameter = CircleCiConfig.map(CircleCiConfig.map(config.root().get("parameters")).get("app_commit"));
        assertThat(parameter).containsEntry("type", "string").containsEntry("default", "");
        assertThat(config.runCommands("deploy"))
                .contains(".circleci/choose-app-commit.sh \"<< pipeline.parameters.app_commit >>\"");
    }

    @Test
    void theDeployJobChoosesTheCommitAfterPulumiUpClonesTheAppAtItAndShipsThatCheckout() {
        List<String> commands = config.runCommands("deploy");
        int up = commands.indexOf("pulumi up --yes -s << parameters.stack >>");
        int choose = indexOfContaining(commands, "choose-app-commit.sh");
        int clone = indexOfContaining(commands, "git clone");
        int deployer = commands.indexOf(DEPLOYER);
        assertThat(up).isLessThan(choose);
        assertThat(choose).isLessThan(clone);
        assertThat(clone).isLessThan(deployer);
        assertThat(commands.get(clone)).contains("https://github.com/DemocracyClub/EveryElection.git")
                .contains("checkout --quiet --detach \"$APP_COMMIT\"");
    }

    @Test
    void deployJobsAreSerializedPerEnvironment() {
        List<WorkflowJob> deploys = entriesOf("deploy");
        for (WorkflowJob deploy : deploys) {
            assertThat((String) deploy.settings().get("serial-group")).as(deploy.name())
                    .isEqualTo("every-election-deploy/" + deploy.stack());
        }
        assertThat(deploys.stream().map(d -> d.settings().get("serial-group")).distinct()).hasSize(ENVIRONMENTS.size());
    }

    @Test
    void aFailedDeployIsReportedToTheTeamsChat() {
        List<Step> steps = config.steps("deploy");
        Step last = steps.get(steps.size() - 1);
        assertThat(last.settings()).containsEntry("when", "on_fail");
        assertThat(last.command()).contains("$SLACK_WEBHOOK_URL").contains("${CIRCLE_BUILD_URL}");
    }

    private static String roleOf(String job) {
        for (Object step : CircleCiConfig.strings(config.job(job).get("steps"), Object.class)) {
            if (step instanceof Map<?, ?> m && m.containsKey("use-ci-role")) {
                return (String) CircleCiConfig.map(m.get("use-ci-role")).get("role");
            }
        }
        throw new AssertionError(job + " uses no CI role");
    }

    private static Set<String> ancestors(WorkflowJob entry) {
        Set<String> seen = new HashSet<>();
        List<String> queue = new ArrayList<>(entry.requires());
        while (!queue.isEmpty()) {
            String name = queue.remove(0);
            if (seen.add(name)) {
                queue.addAll(config.workflowJob(name).requires());
            }
        }
        return seen;
    }

    private static int indexOfContaining(List<String> commands, String fragment) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private static String indexedCommand(List<String> commands, String fragment) {
        int index = indexOfContaining(commands, fragment);
        assertThat(index).as("a command containing " + fragment).isNotNegative();
        return commands.get(index);
    }

    private static int minutes(String duration) {
        Matcher m = Pattern.compile("(\\d+)m").matcher(duration == null ? "" : duration);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
