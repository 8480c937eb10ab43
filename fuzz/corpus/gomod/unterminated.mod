module "unterminated
