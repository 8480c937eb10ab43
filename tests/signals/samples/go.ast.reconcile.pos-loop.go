// quota-sync: a small hand-written control loop that keeps namespace quotas as declared.
package main

import (
	"context"
	"log"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// ReconcileQuotas makes every namespace's ResourceQuota match the declared one.
func ReconcileQuotas(ctx context.Context, cs kubernetes.Interface, want corev1.ResourceQuotaSpec) error {
	nss, err := cs.CoreV1().Namespaces().List(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	for _, ns := range nss.Items {
		q := &corev1.ResourceQuota{ObjectMeta: metav1.ObjectMeta{Name: "default"}, Spec: want}
		if _, err := cs.CoreV1().ResourceQuotas(ns.Name).Update(ctx, q, metav1.UpdateOptions{}); err != nil {
			log.Printf("%s: %v", ns.Name, err)
		}
	}
	return nil
}

func main() {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		log.Fatal(err)
	}
	cs := kubernetes.NewForConfigOrDie(cfg)
	for range time.Tick(time.Minute) {
		if err := ReconcileQuotas(context.Background(), cs, corev1.ResourceQuotaSpec{}); err != nil {
			log.Print(err)
		}
	}
}
