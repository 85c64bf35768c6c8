package org.democracyclub.ee.deployer.deploy;

import java.util.ArrayList;
import java.util.List;

/** CodeDeploy's BatchGet* calls take at most 25 IDs; this splits longer lists. */
final class Batches {
    static final int MAX_IDS = 25;

    private Batches() {
    }

    static <T> List<List<T>> of(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += MAX_IDS) {
            out.add(items.subList(i, Math.min(items.size(), i + MAX_IDS)));
        }
        return out;
    }
}
