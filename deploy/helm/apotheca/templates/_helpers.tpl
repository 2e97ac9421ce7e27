{{- define "apotheca.name" -}}{{ .Release.Name }}-apotheca{{- end -}}

{{- define "apotheca.secretName" -}}
{{- if .Values.existingSecret }}{{ .Values.existingSecret }}{{ else }}{{ include "apotheca.name" . }}{{ end -}}
{{- end -}}

{{/* service=http://<release>-apotheca-<service>:8080,… : where each service lives (and what the gateway routes to). */}}
{{- define "apotheca.serviceUrls" -}}
{{- $root := . -}}
{{- $urls := list -}}
{{- range $name, $_ := .Values.services -}}
{{- $urls = append $urls (printf "%s=http://%s-%s:8080" $name (include "apotheca.name" $root) $name) -}}
{{- end -}}
{{- join "," $urls -}}
{{- end -}}

{{- define "apotheca.env" -}}
- name: APOTHECA_SERVICE_URLS
  value: {{ include "apotheca.serviceUrls" . | quote }}
{{- range $k, $v := .Values.env }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end -}}

{{- define "apotheca.probes" -}}
readinessProbe:
  httpGet: { path: /health, port: http }
  periodSeconds: 5
livenessProbe:
  httpGet: { path: /health/live, port: http }
  initialDelaySeconds: 30
  periodSeconds: 10
  failureThreshold: 6
{{- end -}}
