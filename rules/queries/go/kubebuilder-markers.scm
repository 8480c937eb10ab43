; id: go.ast.kubebuilder-markers
; role: control-plane
; weight: 3
; why: carries kubebuilder / Kubernetes code-generator markers (RBAC, CRD, clientset): controller and API-type code
((comment) @signal
  (#match? @signal "^//[[:space:]]*\\+(kubebuilder:|genclient|groupName=|k8s:deepcopy-gen|operator-sdk:)"))
