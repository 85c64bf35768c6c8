package org.democracyclub.ee.infra.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.democracyclub.ee.infra.program.Stacks;
import org.democracyclub.ee.infra.policy.DeclaredResource;
import org.democracyclub.ee.infra.preview.Fixture;
import org.democracyclub.ee.infra.preview.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** What the three stacks declare for operations, under the mock engine from the real stack files. */
class OperationsStackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    private static final String DOCUMENT = "aws:ssm/document:Document";
    private static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    private static final String TARGET = "aws:cloudwatch/eventTarget:EventTarget";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String TOPIC = "aws:sns/topic:Topic";

    /** The production jobs of the system we replace (schedule in UTC, command), by our job name. */
    private static final Map<String, List<String>> PRODUCTION_JOBS = Map.of(
            "backup", List.of("cron(30 1 * * ? *)", "serverscripts/backup_db_to_s3.sh"),
            "snoop", List.of("cron(30 * * * ? *)", "manage-py-command snoop"),
            "update-pmtiles", List.of("cron(0 3 * * ? *)", "manage-py-command update_pmtiles --all"),
            "add-nuts1-tags", List.of("cron(15 2 * * ? *)", "serverscripts/add_nuts1.sh"),
            "scrape-lgbce", List.of("cron(16 7 * * ? *)", "manage-py-command scrape_lgbce"),
            "export-wkt-ballots", List.of("cron(30 2 * * ? *)",
                    "manage-py-command export_ballots_as_wkt_csv --bucket ee.data-cache.production --prefix ballots-with-wkt"));

    private static JsonNode json(Object text) throws Exception {
        return JSON.readTree(String.valueOf(text));
    }

    private static List<DeclaredResource> jobSchedules(OfflineRun run) {
        return run.ofType(SCHEDULE).stream()
                .filter(s -> String.valueOf(s.at("name")).startsWith(OpsNames.JOB_SCHEDULE_PREFIX)).toList();
    }

    @Test
    void productionRunsTheSixJobsOfTheOldSystemOnTheirSchedulesThroughTheJobRunbook() throws Exception {
        Map<String, List<String>> declared = new TreeMap<>();
        for (DeclaredResource schedule : jobSchedules(Stacks.run("production"))) {
            assertThat(schedule.at("target.arn")).isEqualTo("arn:aws:scheduler:::aws-sdk:ssm:startAutomationExecution");
            assertThat(schedule.at("scheduleExpressionTimezone")).isEqualTo("UTC");
            assertThat(schedule.at("flexibleTimeWindow.mode")).isEqualTo("OFF");
            JsonNode input = json(schedule.at("target.input"));
            assertThat(input.path("DocumentName").asText()).isEqualTo(OpsNames.RUN_JOB_DOCUMENT);
            String job = input.at("/Parameters/JobName/0").asText();
            assertThat(schedule.at("name")).isEqualTo("ee-job-" + job);
            declared.put(job, List.of(String.valueOf(schedule.at("scheduleExpression")),
                    input.at("/Parameters/Command/0").asText()));
        }
        assertThat(declared).isEqualTo(new TreeMap<>(PRODUCTION_JOBS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging"})
    void developmentAndStagingRunNoJobButArePoweredOffAt2230Utc(String stack) throws Exception {
        OfflineRun run = Stacks.run(stack);
        assertThat(jobSchedules(run)).isEmpty();
        DeclaredResource off = run.get(SCHEDULE, OpsNames.POWER_OFF_SCHEDULE);
        assertThat(off.at("scheduleExpression")).isEqualTo("cron(30 22 * * ? *)");
        assertThat(json(off.at("target.input")).toString())
                .isEqualTo("{\"DocumentName\":\"ee-ops-fleet-capacity\",\"Parameters\":{\"Action\":[\"PowerOff\"]}}");
        // No morning power-on by default: the deployer wakes a fleet at zero.
        assertThat(run.ofType(SCHEDULE)).extracting(s -> s.at("name")).doesNotContain(OpsNames.POWER_ON_SCHEDULE);
    }

    @Test
    void productionIsNeverPoweredOff() {
        assertThat(Stacks.run("production").ofType(SCHEDULE)).extracting(s -> s.at("name"))
                .doesNotContain(OpsNames.POWER_OFF_SCHEDULE, OpsNames.POWER_ON_SCHEDULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyStackHasItsAlarmTopicWhichOnlyEventBridgeAndCloudWatchOfTheAccountMayPublishTo(String stack)
            throws Exception {
        OfflineRun run = Stacks.run(stack);
        assertThat(run.get(TOPIC, OpsNames.ALARM_TOPIC).at("name")).isEqualTo(OpsNames.ALARM_TOPIC);
        JsonNode statement = json(run.get("aws:sns/topicPolicy:TopicPolicy", "ee-ops-alarms-publishers").at("policy"))
                .at("/Statement/0");
        assertThat(statement.at("/Principal/Service").toString())
                .isEqualTo("[\"events.amazonaws.com\",\"cloudwatch.amazonaws.com\"]");
        assertThat(statement.at("/Action").toString()).isEqualTo("[\"sns:Publish\"]");
        assertThat(statement.at("/Resource/0").asText()).isEqualTo("arn:aws:sns:eu-west-2:123456789012:ee-ops-alarms");
        assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").toString())
                .isEqualTo("[\"123456789012\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void failedJobsAndFailedDeploymentsRaiseAlarmsOnTheTopic(String stack) throws Exception {
        OfflineRun run = Stacks.run(stack);
        JsonNode jobs = json(run.get(RULE, "ee-ops-alarms-runbook-failed").at("eventPattern"));
        assertThat(jobs.at("/detail-type/0").asText()).isEqualTo("EC2 Automation Execution Status-change Notification");
        assertThat(jobs.at("/detail/Definition").toString()).contains(OpsNames.RUN_JOB_DOCUMENT);
        assertThat(jobs.at("/detail/Status").toString()).contains("Failed", "TimedOut");
        JsonNode deployments = json(run.get(RULE, "ee-ops-alarms-deployment-failed").at("eventPattern"));
        assertThat(deployments.at("/detail/state").toString()).isEqualTo("[\"FAILURE\"]");
        assertThat(deployments.at("/detail/deploymentGroup/0").asText()).isEqualTo("EEDefaultDeploymentGroup");
        for (String target : List.of("ee-ops-alarms-runbook-failed-to-topic", "ee-ops-alarms-deployment-failed-to-topic")) {
            assertThat(run.get(TARGET, target).at("arn")).isEqualTo("arn:aws:sns:eu-west-2:123456789012:ee-ops-alarms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void unhealthyTargetsAndA5xxRateOfTheTargetGroupRaiseAlarms(String stack) {
        OfflineRun run = Stacks.run(stack);
        DeclaredResource unhealthy = run.get(ALARM, "ee-ops-alarms-unhealthy-targets");
        assertThat(unhealthy.at("metricName")).isEqualTo("UnHealthyHostCount");
        assertThat(unhealthy.at("dimensions")).isEqualTo(Map.of("TargetGroup", "targetgroup/ee-alb-tg/0123456789abcdef",
                "LoadBalancer", "app/ee-alb/0123456789abcdef"));
        DeclaredResource target5xx = run.get(ALARM, "ee-ops-alarms-target-5xx");
        assertThat(target5xx.at("metricName")).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(target5xx.at("threshold")).isEqualTo(25.0);
        assertThat(run.get(ALARM, "ee-ops-alarms-elb-5xx").at("metricName")).isEqualTo("HTTPCode_ELB_5XX_Count");
        for (DeclaredResource alarm : run.ofType(ALARM)) {
            assertThat(alarm.at("alarmActions")).isEqualTo(List.of("arn:aws:sns:eu-west-2:123456789012:ee-ops-alarms"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(OfflineRun run, String name) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(String.valueOf(run.get(DOCUMENT, name).at("content")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> document, String name) {
        return ((List<Map<String, Object>>) document.get("mainSteps")).stream()
                .filter(s -> s.get("name").equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"production", "development"})
    void everyJobRunsOnlyOnTheInstanceTheSelectionPicksFromTheDeploymentGroupsFleet(String stack) {
        // After deployments, whatever fleets exist: the runbook names none, it asks the deployment group.
        OfflineRun run = Stacks.run(stack, Fixture.builtIn().withFleets(List.of(
                "CodeDeploy_EEDefaultDeploymentGroup_d-LIVE00001", "CodeDeploy_EEDefaultDeploymentGroup_d-NEW000002")));
        Map<String, Object> runbook = document(run, OpsNames.RUN_JOB_DOCUMENT);
        assertThat(runbook.get("schemaVersion")).isEqualTo("0.3");
        Map<String, Object> select = step(runbook, "selectInstance");
        Map<String, Object> inputs = (Map<String, Object>) select.get("inputs");
        assertThat(select.get("action")).isEqualTo("aws:executeScript");
        assertThat(inputs.get("Handler")).isEqualTo("select_instance");
        assertThat(inputs.get("Script")).isEqualTo(RunbookDocuments.script());
        assertThat((Map<String, Object>) inputs.get("InputPayload")).containsEntry("Application", "EECodeDeploy")
                .containsEntry("DeploymentGroup", "EEDefaultDeploymentGroup")
                .containsEntry("ExecutionId", "{{automation:EXECUTION_ID}}");
        Map<String, Object> runJob = step(runbook, "runJob");
        Map<String, Object> runInputs = (Map<String, Object>) runJob.get("inputs");
        assertThat(runJob.get("action")).isEqualTo("aws:runCommand");
        assertThat(runInputs.get("DocumentName")).isEqualTo("AWS-RunShellScript");
        assertThat(runInputs.get("InstanceIds")).isEqualTo(List.of("{{selectInstance.InstanceId}}"));
        assertThat(runInputs.get("CloudWatchOutputConfig")).isEqualTo(Map.of("CloudWatchOutputEnabled", true,
                "CloudWatchLogGroupName", OpsNames.JOB_LOG_GROUP));
        assertThat(String.valueOf(run.get(DOCUMENT, OpsNames.RUN_JOB_DOCUMENT).at("content")))
                .doesNotContain("CodeDeploy_EEDefaultDeploymentGroup_d-");
        assertThat(run.get("aws:cloudwatch/logGroup:LogGroup", OpsNames.JOB_LOG_GROUP).at("retentionInDays"))
                .isEqualTo(30.0);
    }

    @Test
    void theRunStepWaitsForTheLongestJobAndEachJobPassesItsOwnTimeoutToRunCommand() throws Exception {
        OfflineRun run = Stacks.run("production");
        Map<String, Object> runJob = step(document(run, OpsNames.RUN_JOB_DOCUMENT), "runJob");
        assertThat(runJob.get("timeoutSeconds")).isEqualTo(3600 + RunbookDocuments.RUN_COMMAND_MARGIN_SECONDS);
        assertThat(runJob.toString()).contains("executionTimeout={{TimeoutSeconds}}");
        JsonNode snoop = json(run.get(SCHEDULE, "ee-job-snoop").at("target.input"));
        assertThat(snoop.at("/Parameters/TimeoutSeconds/0").asText()).isEqualTo("1800");
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void scalingIsReappliedAfterEveryDeploymentAndHourlyWithTheStacksTargetAndLabel(String stack) throws Exception {
        OfflineRun run = Stacks.run(stack);
        assertThat(json(run.get(RULE, "ee-ops-triggers-after-deployment").at("eventPattern")).at("/detail/state/0")
                .asText()).isEqualTo("SUCCESS");
        DeclaredResource start = run.get(TARGET, "ee-ops-triggers-after-deployment-apply-scaling");
        assertThat(start.at("arn")).isEqualTo("arn:aws:ssm:eu-west-2:123456789012:automation-definition/"
                + OpsNames.FLEET_DOCUMENT);
        assertThat(start.at("input")).isEqualTo("{\"Action\":[\"ApplyScaling\"]}");
        assertThat(start.at("roleArn")).isEqualTo("arn:aws:iam::123456789012:role/ee-ops-scheduler");
        assertThat(run.get(SCHEDULE, OpsNames.APPLY_SCALING_SCHEDULE).at("scheduleExpression")).isEqualTo("rate(1 hour)");
        Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) step(
                document(run, OpsNames.FLEET_DOCUMENT), "applyScaling").get("inputs")).get("InputPayload");
        assertThat(payload).containsEntry("RequestsPerTarget", 600)
                .containsEntry("ResourceLabel", "app/ee-alb/0123456789abcdef/targetgroup/ee-alb-tg/0123456789abcdef")
                .containsEntry("MinSize", Stacks.settings(stack).capacity().min());
    }

    @Test
    void onlyProductionHasTheBackupBucketProtectedVersionedAndWritableByTheBackupJob() throws Exception {
        OfflineRun production = Stacks.run("production");
        DeclaredResource bucket = production.get("aws:s3/bucketV2:BucketV2", "dc-ee-production-database-backups");
        assertThat(bucket.at("bucket")).isEqualTo("dc-ee-production-database-backups");
        // Adopted, not created (backupBucketImport): an import may not change tags, applied by the next up.
        assertThat(bucket.ignoreChanges()).containsExactlyInAnyOrder("tags", "tagsAll");
        assertThat(bucket.parent()).isEqualTo("ee-ops-backups");
        assertThat(production.get("aws:s3/bucketVersioningV2:BucketVersioningV2", "ee-ops-backups-versioning")
                .at("versioningConfiguration.status")).isEqualTo("Enabled");
        DeclaredResource lifecycle = production.get(
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "ee-ops-backups-lifecycle");
        assertThat(lifecycle.at("rules.0.expiration.days")).isEqualTo(35.0);
        assertThat(lifecycle.at("rules.0.filter.prefix")).isEqualTo("every_election/");
        // The instances may write the backups: the instance role's grant names the same bucket.
        JsonNode grant = json(production.get("aws:iam/rolePolicy:RolePolicy", "ee-iam-instance-access").at("policy"));
        assertThat(grant.findValues("Resource")).anySatisfy(resource -> assertThat(resource.toString())
                .contains("arn:aws:s3:::dc-ee-production-database-backups/every_election/*"));
        for (String stack : List.of("development", "staging")) {
            // Their only bucket is the revision bucket every stack has.
            assertThat(Stacks.run(stack).ofType("aws:s3/bucketV2:BucketV2")).extracting(DeclaredResource::name)
                    .containsExactly("ee-revisions-bucket");
        }
    }

    @Test
    void theRolesAreNamedSoTheCiRoleCanPassOnlyThem() {
        assertThat(Stacks.run("production").ofType("aws:iam/role:Role")).extracting(r -> String.valueOf(r.at("name")))
                .filteredOn(name -> name.contains("ops")).containsExactlyInAnyOrder("ee-ops-automation", "ee-ops-scheduler");
    }
}
