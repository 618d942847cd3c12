package io.fissile.triggers.mq.nats;

import io.fissile.triggers.mq.spi.BrokerException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the stream that captures a subject and creates one when none does: JetStream only stores
 * (and only acknowledges publishes to) subjects some stream captures.
 */
final class JetStreamStreams {
    /** JetStream's error code for "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;

    private final JetStreamManagement management;
    private final Set<String> capturedSubjects = ConcurrentHashMap.newKeySet();

    JetStreamStreams(JetStreamManagement management) {
        this.management = management;
    }

    /**
     * The named stream, created to capture the subject when it is missing and creation is allowed;
     * without a name, the stream that captures the subject.
     */
    String streamFor(String subject, Optional<String> name, boolean create) throws BrokerException {
        if (name.isEmpty()) {
            return ensureCaptured(subject);
        }
        try {
            StreamInfo info = management.getStreamInfo(name.get());
            if (!management.getStreamNames(subject).contains(name.get())) {
                addSubject(info, subject, create);
            }
            return name.get();
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw new BrokerException("cannot look up NATS stream '" + name.get() + "': " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new BrokerException("cannot look up NATS stream '" + name.get() + "': " + e.getMessage(), e);
        }
        if (!create) {
            throw new BrokerException("NATS stream '" + name.get() + "' (metadata stream) does not exist "
                    + "and metadata createStream is false");
        }
        create(name.get(), subject);
        return name.get();
    }

    /** The stream capturing the subject, created (named after the subject) when there is none. */
    String ensureCaptured(String subject) throws BrokerException {
        try {
            List<String> names = management.getStreamNames(subject);
            if (!names.isEmpty()) {
                capturedSubjects.add(subject);
                return names.getFirst();
            }
        } catch (IOException | JetStreamApiException e) {
            throw new BrokerException("cannot list NATS streams for subject '" + subject + "': " + e.getMessage(), e);
        }
        String name = subject.replaceAll("[^A-Za-z0-9_-]", "_");
        create(name, subject);
        return name;
    }

    /** Like {@link #ensureCaptured} but asks the server only once per subject. */
    void ensureCapturedOnce(String subject) throws BrokerException {
        if (!capturedSubjects.contains(subject)) {
            ensureCaptured(subject);
        }
    }

    /** An existing stream that does not capture the trigger's subject gets it added (when creation is allowed). */
    private void addSubject(StreamInfo info, String subject, boolean create) throws BrokerException {
        String name = info.getConfiguration().getName();
        if (!create) {
            throw new BrokerException("NATS stream '" + name + "' (metadata stream) does not capture subject '" + subject
                    + "' and metadata createStream is false");
        }
        List<String> subjects = new ArrayList<>(info.getConfiguration().getSubjects());
        subjects.add(subject);
        try {
            management.updateStream(StreamConfiguration.builder(info.getConfiguration()).subjects(subjects).build());
        } catch (IOException | JetStreamApiException e) {
            throw new BrokerException("cannot add subject '" + subject + "' to NATS stream '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private void create(String name, String subject) throws BrokerException {
        try {
            management.addStream(StreamConfiguration.builder()
                    .name(name)
                    .subjects(subject)
                    .storageType(StorageType.File)
                    .build());
            capturedSubjects.add(subject);
        } catch (IOException | JetStreamApiException e) {
            throw new BrokerException("cannot create NATS stream '" + name + "' for subject '" + subject + "': "
                    + e.getMessage(), e);
        }
    }
}
