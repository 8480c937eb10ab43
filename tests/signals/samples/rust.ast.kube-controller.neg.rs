//! fan-daemon: a PID-style controller for the chassis fans; nothing to do with Kubernetes.
struct Controller {
    target_celsius: f64,
    integral: f64,
}

impl Controller {
    fn new(target_celsius: f64) -> Self {
        Controller { target_celsius, integral: 0.0 }
    }

    fn duty(&mut self, measured: f64) -> f64 {
        let error = measured - self.target_celsius;
        self.integral = (self.integral + error).clamp(-50.0, 50.0);
        (0.8 * error + 0.05 * self.integral).clamp(0.0, 100.0)
    }
}

fn main() {
    let mut ctrl = Controller::new(65.0);
    for t in [60.0, 70.0, 75.0] {
        println!("{t} C -> {:.0}%", ctrl.duty(t));
    }
}
