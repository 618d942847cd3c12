package io.fissile.kubernetes.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesNamesTest {

    @Test
    void shortNamesAreJoinedAsTheyAre() {
        assertThat(KubernetesNames.of(63, "poolmgr", "nodejs", "default")).isEqualTo("poolmgr-nodejs-default");
    }

    @Test
    void longNamesAreCutToTheLimitAndStayApartByTheirHash() {
        String a = KubernetesNames.of(KubernetesNames.MAX_DEPLOYMENT, "newdeploy", "f".repeat(63), "namespace-one");
        String b = KubernetesNames.of(KubernetesNames.MAX_DEPLOYMENT, "newdeploy", "f".repeat(63), "namespace-two");
        assertThat(a).hasSizeLessThanOrEqualTo(46).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(b).hasSizeLessThanOrEqualTo(46);
        assertThat(a).isNotEqualTo(b);
        // A pod of the Deployment: name, ReplicaSet hash and suffix still make a label.
        assertThat(a.length() + 1 + 10 + 1 + 5).isLessThanOrEqualTo(63);
    }

    @Test
    void charactersOutsideALabelBecomeDashes() {
        assertThat(KubernetesNames.of(63, "Secret", "my_ns", "db.creds")).isEqualTo("secret-my-ns-db-creds");
    }
}
