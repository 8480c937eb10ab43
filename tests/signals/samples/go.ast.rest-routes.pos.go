// orders-api: CRUD over orders with gin.
package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type order struct {
	ID    string `json:"id"`
	Total int64  `json:"total"`
}

func main() {
	orders := map[string]order{}
	r := gin.Default()
	v1 := r.Group("/api/v1")
	v1.GET("/orders/:id", func(c *gin.Context) {
		o, ok := orders[c.Param("id")]
		if !ok {
			c.Status(http.StatusNotFound)
			return
		}
		c.JSON(http.StatusOK, o)
	})
	v1.POST("/orders", func(c *gin.Context) {
		var o order
		if err := c.BindJSON(&o); err != nil {
			return
		}
		orders[o.ID] = o
		c.JSON(http.StatusCreated, o)
	})
	v1.DELETE("/orders/:id", func(c *gin.Context) {
		delete(orders, c.Param("id"))
		c.Status(http.StatusNoContent)
	})
	r.Run(":8089")
}
