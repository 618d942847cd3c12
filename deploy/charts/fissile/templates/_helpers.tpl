{{/*
The parts both Deployments share: they run the same program, `fissile server --kubernetes`
(Fissile's router resolves functions through the executor in the same process).
"fissile.serverContainer" continues a container's mapping (10 spaces in); "fissile.serverPod"
continues a pod spec's mapping (6 spaces in).
*/}}
{{- define "fissile.serverContainer" }}
          image: {{ .Values.image.prefix }}/fissile:{{ .Values.image.tag | default .Chart.AppVersion }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          args:
            - server
            - --kubernetes
            - --address
            - 0.0.0.0
            - --port
            - {{ .Values.ports.router | quote }}
            - --api-port
            - {{ .Values.ports.controller | quote }}
            - --data-dir
            - /var/lib/fissile
          env:
            # Leader election: this pod's name is its identity in the Lease.
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
            # Environment and fetcher images are named from these (see values.yaml).
            - name: FISSILE_IMAGE_PREFIX
              value: {{ .Values.image.prefix | quote }}
            - name: FISSILE_IMAGE_TAG
              value: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
            # Where function pods' fetchers download archives from.
            - name: FISSILE_CONTROLLER_URL
              value: "http://controller.{{ .Release.Namespace }}.svc:{{ .Values.ports.controller }}"
          ports:
            - name: router
              containerPort: {{ .Values.ports.router }}
              protocol: TCP
            - name: controller
              containerPort: {{ .Values.ports.controller }}
              protocol: TCP
          volumeMounts:
            - name: data
              mountPath: /var/lib/fissile
            - name: tmp
              mountPath: /tmp
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
{{- end }}
{{- define "fissile.serverPod" }}
      serviceAccountName: fissile-controlplane
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      volumes:
        - name: tmp
          emptyDir: {}
        - name: data
{{- if .Values.persistence.existingClaim }}
          persistentVolumeClaim:
            claimName: {{ .Values.persistence.existingClaim }}
{{- else }}
          emptyDir: {}
{{- end }}
{{- end }}
