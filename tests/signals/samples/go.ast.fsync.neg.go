// inventory-api: flushes its zap logger on exit; nothing it writes needs fsync.
package main

import (
	"net/http"
	"sync"

	"go.uber.org/zap"
)

type app struct {
	logger *zap.Logger
	sugar  *zap.SugaredLogger
	once   sync.Once
}

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	a := &app{logger: logger, sugar: logger.Sugar()}
	defer a.sugar.Sync()
	defer zap.L().Sync()
	http.HandleFunc("/v1/items", func(w http.ResponseWriter, r *http.Request) {
		a.once.Do(func() { a.logger.Info("first request") })
		w.Write([]byte(`[]`))
	})
	if err := http.ListenAndServe(":8084", nil); err != nil {
		a.sugar.Fatalw("server stopped", "err", err)
	}
}
