package org.democracyclub.ee.infra.policy;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a stack's exported outputs (e.g. {@code TestResult.outputs()}) into {@link StackOutput}s.
 * Pulumi's public API cannot tell whether an Output is secret; the SDK's internal accessor can, so
 * its use is kept to this one place.
 */
public final class PulumiOutputs {
    private PulumiOutputs() {
    }

    /** Every output with its resolved value and secret flag, sorted by name. Blocks until they resolve. */
    public static List<StackOutput> of(Map<String, Output<?>> outputs) {
        List<StackOutput> result = new ArrayList<>();
        new TreeMap<>(outputs).forEach((name, output) -> {
            OutputData<?> data = Internal.of(output).getDataAsync().join();
            result.add(new StackOutput(name, data.getValueNullable(), data.isSecret()));
        });
        return result;
    }
}
