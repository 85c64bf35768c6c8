package org.democracyclub.ee.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.democracyclub.ee.deployer.fake.CliRun.COMMIT;

import java.io.IOException;
import org.democracyclub.ee.common.StackOutputs;
import org.democracyclub.ee.deployer.ExitCode;
import org.democracyclub.ee.deployer.fake.CliRun;
import org.democracyclub.ee.deployer.fake.FakeAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeployAgainstFakeTest {
    private FakeAws fake;

    private FakeAws fake(int inService) throws IOException {
        fake = FakeAws.start(inService);
        fake.ssm().put(StackOutputs.SSM_PARAMETER, CliRun.stackOutputsJson());
        return fake;
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void a_successful_deployment_exits_0_with_its_id_elapsed_time_and_url() throws IOException {
        fake(2);

        CliRun run = CliRun.against(fake, "deploy", "--poll-interval", "20ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.SUCCEEDED);
        assertThat(fake.codeDeploy().created()).hasSize(1);
        String id = fake.codeDeploy().created().get(0).id;
        assertThat(fake.codeDeploy().created().get(0).revision.toString())
                .contains("\"revisionType\":\"GitHub\"", "DemocracyClub/EveryElection", COMMIT);
        assertThat(run.out()).contains("Succeeded: " + id, "https://development.every-election.example")
                .contains("new instances: AfterInstall | next: ApplicationStart");
        System.out.println(run.out());
    }
}
