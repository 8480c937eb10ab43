; id: go.ast.informer
; role: control-plane
; lifecycle: server
; weight: 2
; why: watches API objects through informers and work queues: a watch-and-react control loop
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f) @signal
  (#any-of? @_f "AddEventHandler" "AddEventHandlerWithResyncPeriod" "NewSharedInformerFactory" "NewSharedInformerFactoryWithOptions" "NewFilteredSharedInformerFactory" "NewSharedIndexInformer" "NewInformer" "NewRateLimitingQueue" "NewNamedRateLimitingQueue" "NewRateLimitingQueueWithConfig" "NewTypedRateLimitingQueue" "NewTypedRateLimitingQueueWithConfig" "WaitForCacheSync"))

(composite_literal
  type: (qualified_type
    package: (package_identifier) @_pkg
    name: (type_identifier) @_t) @signal
  (#eq? @_pkg "cache")
  (#any-of? @_t "ResourceEventHandlerFuncs" "FilteringResourceEventHandler"))
