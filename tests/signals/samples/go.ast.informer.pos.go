// podwatch labels pods as they are created: informers feed a rate-limited work queue.
package main

import (
	"log"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/util/workqueue"
)

func main() {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		log.Fatal(err)
	}
	clientset := kubernetes.NewForConfigOrDie(cfg)
	factory := informers.NewSharedInformerFactory(clientset, 10*time.Minute)
	pods := factory.Core().V1().Pods().Informer()
	queue := workqueue.NewRateLimitingQueue(workqueue.DefaultControllerRateLimiter())
	pods.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			if key, err := cache.MetaNamespaceKeyFunc(obj.(*corev1.Pod)); err == nil {
				queue.Add(key)
			}
		},
	})
	stop := make(chan struct{})
	factory.Start(stop)
	if !cache.WaitForCacheSync(stop, pods.HasSynced) {
		log.Fatal("caches did not sync")
	}
	for {
		key, quit := queue.Get()
		if quit {
			return
		}
		log.Printf("labelling %v", key)
		queue.Done(key)
	}
}
