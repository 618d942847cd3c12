package io.fissile.controller;

/** Valid resources of each kind as a user would send them, in JSON. */
final class Manifests {
    private Manifests() {
    }

    static String environment(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"Environment","metadata":{"name":"%s"},
                 "spec":{"version":2,"runtime":{"image":"fission/node-env"},"poolsize":3}}""".formatted(name);
    }

    static String environmentIn(String namespace, String name, String labels) {
        return """
                {"apiVersion":"fission.io/v1","kind":"Environment",
                 "metadata":{"name":"%s","namespace":"%s","labels":%s},
                 "spec":{"runtime":{"image":"fission/python-env"}}}""".formatted(name, namespace, labels);
    }

    static String function(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"Function","metadata":{"name":"%s"},
                 "spec":{"environment":{"name":"nodejs"},
                         "package":{"packageref":{"name":"hello-pkg"},"functionName":"hello"},
                         "InvokeStrategy":{"StrategyType":"execution","ExecutionStrategy":{"ExecutorType":"poolmgr"}}}}"""
                .formatted(name);
    }

    static String packageWithSource(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"Package","metadata":{"name":"%s"},
                 "spec":{"environment":{"name":"nodejs"},"source":{"type":"literal","literal":"aGVsbG8="}}}"""
                .formatted(name);
    }

    static String packageWithArchive(String name, String archiveId) {
        return """
                {"apiVersion":"fission.io/v1","kind":"Package","metadata":{"name":"%s"},
                 "spec":{"environment":{"name":"nodejs"},
                         "deployment":{"type":"url","url":"/v2/archives/%s","checksum":{"type":"sha256","sum":"%s"}}}}"""
                .formatted(name, archiveId, archiveId);
    }

    static String httpTrigger(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"HTTPTrigger","metadata":{"name":"%s"},
                 "spec":{"relativeurl":"/hello/{who}","methods":["GET"],"functionref":{"type":"name","name":"hello"}}}"""
                .formatted(name);
    }

    static String timeTrigger(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"TimeTrigger","metadata":{"name":"%s"},
                 "spec":{"cron":"@every 5s","functionref":{"type":"name","name":"hello"}}}""".formatted(name);
    }

    static String messageQueueTrigger(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"MessageQueueTrigger","metadata":{"name":"%s"},
                 "spec":{"mqtkind":"fission","messageQueueType":"kafka","topic":"orders","functionref":{"type":"name","name":"hello"}}}"""
                .formatted(name);
    }

    static String watchTrigger(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"KubernetesWatchTrigger","metadata":{"name":"%s"},
                 "spec":{"namespace":"default","type":"POD","functionref":{"type":"name","name":"hello"}}}"""
                .formatted(name);
    }

    static String canaryConfig(String name) {
        return """
                {"apiVersion":"fission.io/v1","kind":"CanaryConfig","metadata":{"name":"%s"},
                 "spec":{"trigger":"route","newfunction":"fn-v2","oldfunction":"fn-v1","weightincrement":20,
                         "duration":"1m","failurethreshold":10,"failureType":"status-code"}}""".formatted(name);
    }
}
